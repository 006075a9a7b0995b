# object.__reduce_ex__ / __reduce__ / __getstate__ for every protocol.
class C:
    pass
c = C()
for f in [lambda: c.__reduce_ex__(), lambda: c.__reduce_ex__("x"), lambda: c.__reduce_ex__(1, 2),
          lambda: c.__reduce__(1), lambda: c.__getstate__(1), lambda: object.__reduce_ex__(c, 2**70)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(c.__getstate__())
c.x = 1
print(c.__getstate__() is c.__dict__)
for proto in range(6):
    r = c.__reduce_ex__(proto)
    print(proto, r[0].__name__, r[1:])
print(c.__reduce__()[0].__name__, c.__reduce__()[1:])
print(object.__getstate__, object.__reduce_ex__, object.__reduce__)


class S:
    __slots__ = ("a", "b")
s = S()
s.a = 1
print(s.__getstate__(), s.__reduce_ex__(2)[1:], S.__slotnames__)
try:
    s.__reduce_ex__(1)
except TypeError as e:
    print("TypeError", e)
r = object().__reduce_ex__(2)
print(r[0].__name__, r[1:])


class L(list):
    pass
lst = L([1, 2])
lst.z = 3
r = lst.__reduce_ex__(2)
print(r[0].__name__, r[1], r[2], list(r[3]), r[4])


class D(dict):
    pass
r = D(a=1).__reduce_ex__(3)
print(r[0].__name__, r[1], r[2], r[3], list(r[4]))


class K:
    def __getnewargs_ex__(self):
        return ((1,), {"k": 2})
r = K().__reduce_ex__(2)
print(r[0].__name__, r[1:3])


class K2:
    def __getnewargs__(self):
        return (1, 2)
r = K2().__reduce_ex__(4)
print(r[0].__name__, r[1:3])


class K3:
    def __getnewargs_ex__(self):
        return ((3,), {})
r = K3().__reduce_ex__(2)
print(r[0].__name__, r[1:3])


class B1:
    def __getnewargs__(self):
        return [1]
class B2:
    def __getnewargs_ex__(self):
        return (1,)
class B3:
    def __getnewargs_ex__(self):
        return ([], {})
class B4:
    def __getnewargs_ex__(self):
        return ((), [])
for b in (B1, B2, B3, B4):
    try:
        b().__reduce_ex__(2)
    except Exception as e:
        print(type(e).__name__, e)


class R:
    def __reduce__(self):
        return (R, ("custom",))
print(R().__reduce_ex__(2), R().__reduce_ex__(0))


class G:
    def __getstate__(self):
        return "state"
print(G().__reduce_ex__(2)[2], G().__reduce_ex__(0)[2])


class I(int):
    pass
i = I(5)
i.q = 1
print(i.__reduce_ex__(2)[1:3], i.__reduce_ex__(0)[1:])
print((5).__reduce_ex__(2)[1:], "ab".__reduce_ex__(2)[1:], (1.5).__reduce_ex__(4)[1:])
try:
    (1.5).__reduce_ex__(1)
except TypeError as e:
    print("TypeError", e)


class SD:
    __slots__ = ("a", "__dict__")
sd = SD()
sd.a = 1
sd.b = 2
print(sd.__getstate__(), SD.__slotnames__)


class Sub(S):
    __slots__ = ("c", "__weakref__")
t = Sub()
t.b, t.c = 2, 3
print(t.__getstate__(), Sub.__slotnames__)


class Named:
    __slotnames__ = "bad"
try:
    Named().__reduce_ex__(2)
except TypeError as e:
    print("TypeError", e)
