def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c2(), c1())
print(c1.__closure__ is not None, len(c1.__closure__), c1.__closure__[0].cell_contents)
print(c1.__code__.co_freevars, counter.__code__.co_cellvars)
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def shared():
    x = 1
    def get(): return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
get, set_ = shared()
set_(42)
print(get())
def no_closure(): return 1
print(no_closure.__closure__)
def outer(a):
    def mid(b):
        def inner(c):
            return a + b + c
        return inner
    return mid
print(outer(1)(10)(100))
def cell_then_assign():
    def f(): return v
    v = "assigned after def"
    return f()
print(cell_then_assign())
