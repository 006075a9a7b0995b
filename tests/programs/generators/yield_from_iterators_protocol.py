class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
def g():
    r = yield from It()
    print("result of yield from iterator:", r)
print(list(g()))
def g2():
    yield from (x * 10 for x in range(3))
print(list(g2()))
def g3():
    yield from {"b": 1, "a": 2}
print(list(g3()))
def sender():
    yield from [1, 2]
s = sender()
next(s)
try:
    s.send("x")
except AttributeError as e:
    print("AttributeError:", e)
