def reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc
print(reduce(lambda a, b: a * b, range(1, 11), 1))
print(reduce(lambda a, b: a + [b * b], range(5), []))
def partial(fn, *pargs, **pkw):
    def call(*args, **kw):
        return fn(*pargs, *args, **{**pkw, **kw})
    return call
p = partial(int, base=2)
print(p("1010"), p("11", base=3))
join_dash = partial(str.join, "-")
print(join_dash(["a", "b", "c"]))
