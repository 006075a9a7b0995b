def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(len, "abc"))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(sorted((k, v(3, 4)) for k, v in ops.items()))
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
fs = [str.upper, str.lower, str.title]
print([f("hello world") for f in fs])
print(list(map(abs, [-1, 2, -3])))
def make_multiplier(n):
    return lambda x: x * n
print([make_multiplier(i)(10) for i in range(4)])
m = print
m("print alias works")
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(10))
