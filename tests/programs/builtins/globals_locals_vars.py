g = globals()
print(type(g).__name__, g["__name__"], "g" in g)
g["injected"] = 42
print(injected)
def f(a, b=2):
    c = 3
    l = locals()
    return sorted(l.items())
print(f(1))
class C:
    x = 1
    snapshot = sorted(k for k in locals() if not k.startswith("__"))
print(C.snapshot)
def g2():
    x = 1
    def inner():
        return sorted(locals())
    return inner()
print(g2())
def h():
    y = 1
    def inner():
        y
        return locals()
    return inner()
print(h())
print(vars() is globals())
print(sorted(k for k in vars(C) if not k.startswith("__")))
