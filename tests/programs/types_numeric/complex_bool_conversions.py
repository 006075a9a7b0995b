def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class C:
    def __complex__(self): return 1+2j
class BadC:
    def __complex__(self): return 5
class F:
    def __float__(self): return 2.5
class BadF:
    def __float__(self): return 2
class I:
    def __index__(self): return 7
class T:
    def __trunc__(self): return 9
class T2:
    def __trunc__(self): return I()
class T3:
    def __trunc__(self): return "x"
class N:
    def __int__(self): return 42
class BadN:
    def __int__(self): return 4.2
class MyInt(int):
    pass
class MyFloat(float):
    pass
class MyComplex(complex):
    pass

def main():
    inf = float("inf"); nan = float("nan")
    cv = [0j, 1j, -1j, 1+2j, -3.5+0.25j, complex(inf, 1), complex(1, nan), complex(-0.0, -0.0), 1e300+1e300j]
    for a in cv:
        print(a, -a, +a, abs(a), a.conjugate(), a.real, a.imag, bool(a), hash(a) if a == a else "nan")
        for b in [1, -2, 0.5, 2j, 1+1j, 2**70]:
            t(lambda: (a + b, a - b, a * b, b + a, b - a, b * a, a == b, a != b))
            t(lambda: a / b)
            t(lambda: b / a)
            t(lambda: a ** b)
    t(lambda: (1+2j) ** 2)
    t(lambda: (1+2j) ** -2)
    t(lambda: (1+2j) ** 101)
    t(lambda: (1+2j) ** 0.5)
    t(lambda: 2j ** 0.5)
    t(lambda: 0j ** -1)
    t(lambda: 0j ** 1j)
    t(lambda: 0j ** 0)
    t(lambda: (1e200+1e200j) ** 2)
    t(lambda: (1e200+1e200j) ** 2.5)
    t(lambda: pow(1j, 2, 3))
    t(lambda: 1j < 2j)
    t(lambda: 1j % 1)
    t(lambda: 1j // 1)
    t(lambda: divmod(1j, 1))
    t(lambda: 1 / 0j)
    t(lambda: abs(complex(1e308, 1e308)))
    t(lambda: abs(complex(inf, nan)))
    t(lambda: abs(complex(nan, inf)))
    t(lambda: 1j == 1j)
    t(lambda: (1+0j) == 1)
    t(lambda: (1+0j) == 1.0)
    t(lambda: (2**53+1+0j) == 2**53+1)
    t(lambda: complex(1, 0) == True)
    t(lambda: hash(1+0j) == hash(1))
    t(lambda: hash(1.5+2j))
    t(lambda: hash(-1+0j))
    for s in ["1+2j", "(1+2j)", " 2.5 ", "-1.5e-3j", "infj", "nan+nanj", "1+", "j1", "1+2", "1 + 2j", "", "(1+2j", "j", "-j", "+j", "1_0+2_0j", "1__0j", "_1j", "1e5J", "( 3-4j )", "1e", "1.e1+.5j", "\u0661+\u0662j", "inf-infj", "-Infinity+NaNj", "1-j", "1+2jj", "0x1j"]:
        t(lambda: complex(s))
    t(lambda: complex("1", 2))
    t(lambda: complex(1, "2"))
    t(lambda: complex([]))
    t(lambda: complex(1, []))
    t(lambda: complex(b"1"))
    t(lambda: complex(1+2j, 3+4j))
    t(lambda: complex(1+2j, 3))
    t(lambda: complex(1, 3+4j))
    t(lambda: complex(real=1, imag=2))
    t(lambda: complex(imag=2))
    t(lambda: complex(1, 2, 3))
    t(lambda: complex(C()))
    t(lambda: complex(BadC()))
    t(lambda: complex(F()))
    t(lambda: complex(I(), I()))
    t(lambda: complex(2**1100))
    t(lambda: complex())
    t(lambda: complex(1+2j))
    t(lambda: complex(MyComplex(1, 2)))
    t(lambda: MyComplex(1, 2))
    t(lambda: type(MyComplex(1, 2)).__name__)
    t(lambda: type(+MyComplex(1, 2)).__name__)
    t(lambda: format(1+2j, ".3f"))
    t(lambda: format(1.5-2j, "+.1e"))
    t(lambda: format(3j, ">12"))
    t(lambda: format(1+0j, "g"))
    t(lambda: format(1+0j, ""))
    t(lambda: format(1+0j, "d"))
    t(lambda: (1+2j).__getnewargs__())
    t(lambda: (1+2j).__complex__())
    t(lambda: repr(complex(1e17, 1e-17)))
    t(lambda: repr(complex(-0.0, 0.0)))
    t(lambda: repr(complex(0.0, -0.0)))
    # conversions
    t(lambda: int(N()))
    t(lambda: int(BadN()))
    t(lambda: int(I()))
    t(lambda: float(I()))
    t(lambda: float(F()))
    t(lambda: float(BadF()))
    t(lambda: float(N()))
    t(lambda: float(2**2000))
    t(lambda: MyInt(5))
    t(lambda: MyInt("12", 8))
    t(lambda: MyInt(2**100) + 1)
    t(lambda: type(MyInt(2**100) + 1).__name__)
    t(lambda: type(-MyInt(2)).__name__)
    t(lambda: type(int(MyInt(2))).__name__)
    t(lambda: MyInt(-2**100))
    t(lambda: MyInt())
    t(lambda: MyInt(0) == 0)
    t(lambda: hash(MyInt(2**70)) == hash(2**70))
    t(lambda: MyFloat(2.5))
    t(lambda: MyFloat("1e3") + 1)
    t(lambda: type(MyFloat(2.5)).__name__)
    t(lambda: type(MyFloat(2.5) * 2).__name__)
    t(lambda: MyFloat())
    m = MyInt(77); m.attr = 5
    t(lambda: (m, m.attr, m + 1, str(m), m.__dict__))
    f = MyFloat(7.5); f.x = 1
    t(lambda: (f, f.x, f.__dict__))
    z = MyComplex(1, 1); z.y = 2
    t(lambda: (z, z.y))
    # bool
    t(lambda: (True & True, True | False, True ^ True, True & 1, 1 & True, True + True, ~True, -True))
    t(lambda: (type(True & True).__name__, type(True & 3).__name__, type(True ^ 0).__name__))
    t(lambda: bool(1, 2))
    t(lambda: bool(x=1))
    t(lambda: bool.__new__(bool, 5))
    t(lambda: bool.__new__(int))
    t(lambda: int.__new__(bool))
    t(lambda: bool())
    t(lambda: (repr(True), str(False), True.real, True.imag, True.bit_length(), hash(True), hash(False)))
    t(lambda: format(True, ""))
    t(lambda: format(True, "d"))
    t(lambda: format(False, "^7"))
    t(lambda: int.__new__(MyInt, 5))
    t(lambda: int.__new__(MyInt, "ff", 16))
    t(lambda: float.__new__(MyFloat, "2.5"))
    t(lambda: MyInt.from_bytes(b"\x01\x02"))
    t(lambda: type(MyInt.from_bytes(b"\x01\x02")).__name__)
    t(lambda: MyFloat.fromhex("0x1p3"))
    t(lambda: type(MyFloat.fromhex("0x1p3")).__name__)
    t(lambda: (5).__add__(1.0))
    t(lambda: (5).__radd__(1))
    t(lambda: (5.0).__radd__(1))
    t(lambda: (5.0).__rpow__(2))
    t(lambda: (5).__rpow__(2, 7))
    t(lambda: (5).__pow__(2, 7))
    t(lambda: (2.0).__pow__(2, 7))
    t(lambda: (1j).__radd__(1))
    t(lambda: (5).__lt__(6.0))
    t(lambda: (5.0).__lt__(6))
    t(lambda: (1j).__lt__(1j))
    t(lambda: (1j).__eq__("x"))
    t(lambda: sum([0.1] * 10))
    t(lambda: max(1, 2.5, 2))
    t(lambda: sorted([3, 1.5, 2**70, -1, True]))
    t(lambda: divmod(True, 2))
    t(lambda: (3).__index__())
    t(lambda: int.__index__(True))
    t(lambda: 0.1 + 0.2 == 0.3)
    t(lambda: 3 * 1.1)
    t(lambda: int.__int__(True))
    t(lambda: True.__int__())
    t(lambda: True.__float__())
    t(lambda: -(-2**63))
    t(lambda: abs(-2**63))
    t(lambda: (-2**63) // -1)
    t(lambda: (-2**63) * -1)
    t(lambda: (2**63-1) + 1)

main()
