def leaf():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def middle():
    result = yield from leaf()
    print("middle got", result)
    return result * 2
def top():
    r = yield from middle()
    print("top got", r)
    yield "final"
t = top()
print(next(t))
print(t.send(5))
print(t.send(7))
print(t.send(None))
