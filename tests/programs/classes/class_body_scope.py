x = "global"
class C:
    x = "class"
    y = x
    def f(self):
        return x
    lst = [x for _ in range(1)]
    g = (lambda: x)()
print(C.y, C().f(), C.lst, C.g)
class D:
    a = 1
    b = a + 1
    del a
print(hasattr(D, "a"), D.b)
class E:
    for i in range(3):
        pass
    locals_snapshot = sorted(k for k in locals() if not k.startswith("__"))
print(E.i, E.locals_snapshot)
def make():
    v = "enclosing"
    class K:
        w = v
        def m(self): return v
    return K
print(make().w, make()().m())
class F:
    if True:
        cond = "yes"
    else:
        cond = "no"
print(F.cond)
