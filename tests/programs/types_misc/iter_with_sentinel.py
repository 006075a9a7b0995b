vals = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(vals), 0)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
it = iter(tick, 100)
print(type(it).__name__, next(it), iter(it) is it)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
def boom():
    raise StopIteration
print(list(iter(boom, None)))
chunks = iter(["ab", "cd", ""])
print([c for c in iter(chunks.__next__, "")])
