def f(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list:
    return []
print(f.__annotations__)
def g(x, y):
    pass
print(g.__annotations__)
class C:
    x: int
    y: str = "s"
    z = 3
print(C.__annotations__)
print(hasattr(C, "x"), C.y)
x: int = 5
y: list
print(__annotations__)
def h() -> None: pass
print(h.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
class D:
    pass
print(D.__dict__.get("__annotations__"))
def side(): 
    print("annotation evaluated")
    return int
def k(p: side()): pass
print(k.__annotations__)
