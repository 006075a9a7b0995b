def gen_fn():
    yield 1
print(type(gen_fn).__name__, type(gen_fn()).__name__)
print(gen_fn.__code__.co_flags & 0x20 != 0)
def not_gen():
    return 1
print(not_gen.__code__.co_flags & 0x20 != 0)
def gen_with_return():
    return 5
    yield
g = gen_with_return()
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
def yield_in_expr():
    x = yield
    print("got", x)
    y = yield x * 2
    print("got", y)
g = yield_in_expr()
print(next(g))
print(g.send(5))
try:
    g.send(7)
except StopIteration:
    print("done")
