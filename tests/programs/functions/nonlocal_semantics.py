def f():
    x = 0
    def g():
        nonlocal x
        def h():
            nonlocal x
            x += 10
        h()
        x += 1
    g()
    return x
print(f())
def loop_closures():
    result = []
    for i in range(3):
        def make(j=i):
            def inner():
                nonlocal j
                j += 100
                return j
            return inner
        result.append(make())
    return [r() for r in result]
print(loop_closures())
def unbound():
    def read():
        return v
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return read()
print(unbound())
def local_shadows():
    x = "outer"
    def inner():
        x = "inner"
        return x
    return inner(), x
print(local_shadows())
