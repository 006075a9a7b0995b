# deque from _collections: construction, both ends, maxlen, rotation, indexing.
from _collections import deque

d = deque([1, 2, 3])
print(d, len(d), d.maxlen)
d.append(4); d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend("ab"); d.extendleft([9, 8])
print(d)
d.rotate(); print(d)
d.rotate(-2); print(d)
d.rotate(10); print(d)
d.rotate(0); print(d)
print(d[0], d[-1], d[2])
d[1] = "x"; print(d)
del d[0]; print(d)
del d[-1]; print(d)
d.insert(1, "ins"); d.insert(-100, "first"); d.insert(100, "last"); print(d)
d.insert(-1, "beforelast"); print(d)
print(d.index("x"), d.index(2), d.count(2), 2 in d, 99 in d)
d.remove("x"); print(d)
d.reverse(); print(d)
c = d.copy(); c.append("c"); print(d, c, d.__copy__() == d)
d.clear(); print(d, bool(d), bool(c))

m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend(range(5)); print(m)
m.extendleft("xyz"); print(m)
z = deque("abc", maxlen=0); z.append(1); z.extend([1, 2]); print(z)
print(deque("hello", 2), deque(maxlen=5), deque(iterable=[1], maxlen=None))

# self-extension and reinitialisation
s = deque([1, 2]); s.extend(s); print(s)
s.extendleft(s); print(s)
s.__init__("ab", 5); print(s)
s += [1, 2]; print(s)
s *= 2; print(s)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque("ab"), deque([1]) * 0)
print(deque([1, 2, 3], maxlen=4) * 3)
r = deque([1, 2], maxlen=5); r *= -1; print(r)

# iteration, reversed, comparisons
d = deque(range(5))
print(list(d), list(reversed(d)), [x * 2 for x in d], sum(d))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1, 2]) < deque([1, 3]))
print(deque([1, 2]) <= deque([1, 2]), deque([1, 2, 3]) > deque([1, 2]), deque([2]) >= deque([1, 9]))
print(deque([1]) == [1], deque() == deque(), deque([1, 2]) == deque([1, 2], maxlen=5))
it = iter(deque("abc")); print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(type(iter(d)).__name__, type(reversed(d)).__name__)

# repr of recursive deques, of subclasses
d = deque([1]); d.append(d); print(d)
class D(deque):
    pass
e = D([1, 2], 3)
print(e, type(e.copy()).__name__, e.copy(), type(e + e).__name__, e + e)
e.attr = 5; print(e.attr, e.__reduce__()[:3])
print(deque([1, 2]).__reduce__()[:3], deque([1], 4).__reduce__()[:3])
print(list(deque("xy").__reduce__()[3]))
print(deque[int], deque.__class_getitem__(str))
print(isinstance(e, deque), issubclass(D, deque))
