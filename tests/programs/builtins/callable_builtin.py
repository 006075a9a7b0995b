class C:
    def __call__(self): pass
class D: pass
def f(): pass
print(callable(C), callable(C()), callable(D()), callable(f), callable(lambda: 0), callable(print))
print(callable(1), callable("s"), callable(None), callable(str.upper), callable([].append), callable(type))
d = D()
d.__call__ = lambda: 1
print(callable(d))
