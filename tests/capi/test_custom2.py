# Drives tests/capi/custom2.c: members (T_OBJECT_EX, T_INT, READONLY),
# tp_new/tp_init/tp_dealloc, a method, subclassing in Python, refcounts.
import sys
import custom2
from custom2 import Custom

print(Custom.__doc__, custom2.live())
c = Custom("Ada", "Lovelace", 36)
print(c.first, c.last, c.number, c.name(), custom2.live())
d = Custom()
print(repr(d.first), repr(d.last), d.number, repr(d.name()), d.serial - c.serial)
d = Custom(last="Hopper", first="Grace")
print(d.name(), d.number, custom2.live())
for args, kw in [((1, 2, "x"), {}), ((), {"bogus": 1}), ((1, 2, 3, 4), {}), ((1, 2, 2**40), {})]:
    try:
        Custom(*args, **kw)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print("live after failed inits", custom2.live())
print(Custom.first.__doc__, Custom.number.__doc__, Custom.name.__doc__)
print(type(Custom.first).__name__, type(Custom.name).__name__, Custom.first.__name__, Custom.first.__objclass__ is Custom)
print(repr(Custom.first), repr(Custom.name))

# Member assignment and deletion.
c.first = 42
c.number = 7
print(c.first, c.number, c.name())
del c.first
try:
    c.first
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.name()
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.first
except AttributeError as e:
    print("AttributeError:", e)
c.first = "Augusta"
print(c.name())
for bad in ["seven", 2.5, None]:
    try:
        c.number = bad
    except TypeError as e:
        print("TypeError:", e)
import warnings
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    c.number = 2**40 + 5
print(c.number, [(w.category.__name__, str(w.message)) for w in ws])
try:
    c.number = 2**70
except OverflowError as e:
    print("OverflowError:", e)
c.number = 7
try:
    del c.number
except TypeError as e:
    print("TypeError:", e)
try:
    c.serial = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.serial
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.other = 1
except AttributeError as e:
    print("AttributeError:", e)
print(c.number, c.serial > 0)

# Reference counts: members hold one reference each.
x = object()
before = sys.getrefcount(x)
e = Custom(x, x)
print("refs held by members", sys.getrefcount(x) - before)
e.first = None
print("after replacing first", sys.getrefcount(x) - before)
got = [e.last for _ in range(50)]
del got
print("after reads", sys.getrefcount(x) - before)
del e
print("after del", sys.getrefcount(x) - before)

# Deallocation at refcount zero.
n = custom2.live()
objs = [Custom("a", "b") for _ in range(5)]
print("created", custom2.live() - n)
del objs
print("after del", custom2.live() - n)

# A Python subclass.
class Named(Custom):
    def __init__(self, first, last, title="Dr"):
        super().__init__(first, last)
        self.title = title
    def name(self):
        return self.title + " " + super().name()
    def __repr__(self):
        return "Named(%r, %r)" % (self.first, self.last)

s = Named("Grace", "Hopper", title="Rear Admiral")
print(s.name(), s.number, s.title, repr(s), isinstance(s, Custom), custom2.live() - n)
print(Named.__mro__)
print(sorted(s.__dict__))
s.number = 3
print(s.number)
import weakref
w = weakref.ref(s)
del s
print("subclass instance freed", w() is None, custom2.live() - n)
class Slots(Custom):
    __slots__ = ("extra",)
t = Slots("a", "b")
t.extra = [1]
print(t.extra, t.name(), hasattr(t, "__dict__"))
del t
print("slots instance freed", custom2.live() - n)
print(sorted(k for k in Custom.__dict__ if not k.startswith("__") or k in ("__init__", "__new__", "__doc__")))
print(Custom.__init__.__qualname__, type(Custom.__init__).__name__)

# A static subtype defined in C.
from custom2 import Employee
n = custom2.live()
e = Employee("Frances", "Allen", "Fellow", 1.5)
print(e.name(), e.first, e.salary, e.title, e.number, e.serial > 0, custom2.live() - n)
print(Employee.__mro__, Employee.__base__ is Custom, isinstance(e, Custom), Custom.name(e))
print(Employee.name.__doc__, Employee.__doc__, type(Employee.__dict__.get("__new__")))
e.title = None
print(e.title, e.name())
t = object()
before = sys.getrefcount(t)
f = Employee(title=t)
print("title ref", sys.getrefcount(t) - before, custom2.live() - n)
del f
print("freed", sys.getrefcount(t) - before, custom2.live() - n)
class Manager(Employee):
    pass
m = Manager("Jean", "Sammet", "Lead")
print(m.name(), type(m).__mro__[1:])
del m, e
print("all freed", custom2.live() - n)
