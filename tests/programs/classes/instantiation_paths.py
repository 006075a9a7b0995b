# Instantiating classes: __init__ with positional, keyword and default
# arguments, inherited __init__, bad return values, errors raised inside
# __init__ and in binding, recursion through constructors, and classes
# whose __new__ or metaclass take over.
import sys
import traceback


class Point:
    def __init__(self, x, y=0, *, tag="p"):
        self.x, self.y, self.tag = x, y, tag


class Point3(Point):
    pass


print(vars(Point(1)), vars(Point(1, 2)), vars(Point(1, y=5, tag="q")), vars(Point3(7)))


class BadReturn:
    def __init__(self):
        return 42


try:
    BadReturn()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n:
            raise ValueError(f"bad {n}")


try:
    Raises(3)
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("ValueError:", e, [f.name for f in tb])

for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 2}), ((1,), {"x": 1})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)


class Node:
    count = 0

    def __init__(self, depth):
        Node.count += 1
        self.child = Node(depth - 1) if depth else None


n = Node(50)
print(Node.count, n.child.child is not None)


class Deep:
    def __init__(self, d):
        self.next = Deep(d + 1)


try:
    Deep(0)
except RecursionError as e:
    print("RecursionError:", e)


class WithNew:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("init", a)


WithNew(5)


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class Managed(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print(Managed(9).v)


class Refs:
    def __init__(self):
        pass


r = Refs()
print(sys.getrefcount(r), type(r).__name__)


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)


class ReturnsNone:
    def __init__(self):
        return None


print(type(ReturnsNone()).__name__)
objs = [Point(i, i) for i in range(5)]
print(sum(o.x + o.y for o in objs))
