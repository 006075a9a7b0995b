def g():
    a = yield
    b = (yield a) + 1
    c = yield b, a
    yield [c]
it = g()
print(next(it))
print(it.send(10))
print(it.send(20))
print(it.send("c"))
def gy():
    x = yield 1, 2
    yield x
it = gy()
print(next(it), it.send("sent"))
def in_call():
    print("arg:", (yield "first"))
    yield "end"
it = in_call()
print(next(it))
print(it.send("value"))
