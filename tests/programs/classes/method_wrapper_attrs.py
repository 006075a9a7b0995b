# Slot methods bound to an instance ('method-wrapper' objects).
it = iter([1, 4])
w = it.__next__
print(type(w).__name__, w.__self__ is it, w.__name__, w.__qualname__, w.__objclass__)
print(w(), w())
r = w.__reduce__()
print(r[0] is getattr, r[1][0] is it, r[1][1])
a = (5).__add__
print(a.__self__, a.__name__, a.__qualname__, a.__objclass__, a(2))
print(a == (5).__add__, a != (6).__add__, hash(a) == hash((5).__add__))
class C:
    def __repr__(self):
        return "C()"
c = C()
m = c.__str__
print(m.__self__ is c, m.__name__, m.__qualname__, m.__objclass__, m())
try:
    w.__self__ = 1
except AttributeError as e:
    print("AttributeError", e)
