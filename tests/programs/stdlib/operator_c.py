# operator (Lib/operator.py re-exports _operator): functions, getters, reprs, errors.
import operator
print(operator.add is __import__('_operator').add, operator.__lt__ is operator.lt, operator.itemgetter.__module__)
import _operator as o
print(sorted(n for n in dir(o) if not n.startswith('__')))
for f in [lambda: o.add(1), lambda: o.itemgetter(), lambda: o.itemgetter(1)(), lambda: o.itemgetter(1, a=2), lambda: o.attrgetter(1), lambda: o.attrgetter(), lambda: o.methodcaller(), lambda: o.methodcaller(1), lambda: o.methodcaller('f')(1, 2), lambda: o.methodcaller('f')(a=1), lambda: o.concat(1, 2), lambda: o.concat([1], (2,)), lambda: o.countOf(1, 2), lambda: o.indexOf([1], 2), lambda: o._compare_digest(1, 2), lambda: o._compare_digest('é', 'a'), lambda: o.length_hint(1, 'a'), lambda: o.length_hint(iter([1,2]), 5), lambda: o.itemgetter(1).__reduce__(), lambda: o.attrgetter('a.b').__reduce__(), lambda: o.methodcaller('f', 1, k=2).__reduce__(), lambda: o.methodcaller('f', 1).__reduce__(), lambda: o.attrgetter('a', b=1), lambda: o.iconcat(1, [2]), lambda: o.attrgetter('a')(1), lambda: o.index(1.5), lambda: o.not_(1), lambda: o.truth(2), lambda: o.call(len, [1]), lambda: o.inv(5), lambda: o.pow(2, 10), lambda: o.ipow(2, 3), lambda: o.iadd([1], [2]), lambda: o.imatmul(1,2), lambda: type(o.itemgetter(1)).__name__, lambda: o.itemgetter.__module__, lambda: type(o.attrgetter), lambda: o.is_(None, None)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(o.itemgetter(1, 'a'), o.attrgetter('a.b', 'c'), o.methodcaller('f', 1, k=2))
print(o.itemgetter(1)([5, 6]), o.itemgetter(0, 2)("abc"), o.itemgetter(slice(1, None))([1,2,3]))
class A: pass
a = A(); a.b = A(); a.b.c = 7; a.x = 1
print(o.attrgetter('b.c')(a), o.attrgetter('x', 'b.c')(a), o.methodcaller('upper')("hi"), o.methodcaller('split', ',', maxsplit=1)("a,b,c"))
print(o.add(1, 2), o.sub(5, 3), o.mul("a", 3), o.truediv(1, 4), o.floordiv(7, 2), o.mod(7, 3), o.lshift(1, 4), o.rshift(16, 2), o.and_(6, 3), o.or_(6, 3), o.xor(6, 3), o.neg(3), o.pos(-3), o.abs(-3), o.invert(0))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne(1, 2), o.gt(1, 2), o.ge(3, 2), o.contains([1, 2], 2), o.countOf([1, 2, 1], 1), o.indexOf("abc", "c"), o.concat("a", "b"), o.concat([1], [2]))
l = [1, 2, 3]; o.setitem(l, 0, 9); o.delitem(l, 1); print(l, o.getitem(l, -1))
print(o.length_hint([1, 2]), o.length_hint(iter(range(10))), o.length_hint(5, 3), o._compare_digest(b"ab", b"ab"), o._compare_digest("ab", "ac"), o._compare_digest(b"a", bytearray(b"a")))
class LH:
    def __length_hint__(self): return NotImplemented
class LB:
    def __length_hint__(self): return -1
class LS:
    def __length_hint__(self): return "x"
print(o.length_hint(LH(), 4))
for x in [LB(), LS()]:
    try: o.length_hint(x)
    except Exception as e: print(type(e).__name__, e)
L = []
L2 = o.iconcat(L, [1]); print(L2 is L, L)
class R:
    def __init__(self): self.me = o.itemgetter(self)
    def __repr__(self): return repr(self.me)
print(R())
# copy goes through __reduce_ex__, which defers to the types' __reduce__.
import copy
print(copy.copy(o.itemgetter(1, 2))("abcd"), copy.deepcopy(o.attrgetter("real", "imag"))(3 + 4j))
print(copy.deepcopy(o.methodcaller("split", ",", maxsplit=1))("a,b,c"), copy.copy(o.methodcaller("upper"))("x"))
print(o.itemgetter(1).__reduce_ex__(2), o.attrgetter("a.b").__reduce_ex__(4))
