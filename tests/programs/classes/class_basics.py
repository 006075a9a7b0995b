class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims, Point.__doc__)
print(Point.__name__, Point.__qualname__, Point.__module__)
print(sorted(vars(p).items()), type(p) is Point, isinstance(p, object))
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims)
print(Point.norm2(p), type(Point.__dict__["norm2"]).__name__)
print(Point.__bases__, Point.__base__)
q = Point.__new__(Point)
print(hasattr(q, "x"))
