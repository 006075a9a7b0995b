def f():
    import lazy_mod
    return lazy_mod.value()
print("before call")
print(f())
print("lazy_mod" in dir())
def g():
    from lazy_mod import value as v
    return v()
print(g())
