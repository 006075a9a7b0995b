def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "o1"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration:
    print("done")
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def flatten(x):
    for e in x:
        if isinstance(e, list):
            yield from flatten(e)
        else:
            yield e
print(list(flatten([1, [2, [3, [4]], 5]])))
def thrower():
    try:
        yield 1
    except KeyError:
        yield "inner handled"
def delegator():
    yield from thrower()
d = delegator()
next(d)
print(d.throw(KeyError))
def ret_only():
    return 42
    yield
def uses():
    v = yield from ret_only()
    yield v
print(list(uses()))
