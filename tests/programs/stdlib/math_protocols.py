# How math converts its arguments: __float__, __index__, __ceil__/__floor__/__trunc__.
import math

class F:
    def __float__(self):
        return 2.25

class I:
    def __index__(self):
        return 7

class FI:
    def __float__(self):
        return 1.5
    def __index__(self):
        return 9

class Rounder:
    def __ceil__(self):
        return "ceil!"
    def __floor__(self):
        return "floor!"
    def __trunc__(self):
        return "trunc!"

class MyFloat(float):
    def __floor__(self):
        return "subclass floor"

class MyInt(int):
    pass

print(math.sqrt(F()), math.sqrt(I()), math.sqrt(FI()), math.sin(True), math.exp(MyInt(2)))
print(math.ceil(Rounder()), math.floor(Rounder()), math.trunc(Rounder()))
print(math.floor(MyFloat(2.5)), math.ceil(MyFloat(2.5)), math.trunc(MyFloat(-2.5)))
print(math.floor(F()), math.ceil(F()), math.floor(I()), math.ceil(I()))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(1e300) == 10 ** 300 // 1, type(math.floor(3.0)).__name__)
print(math.floor(7), math.ceil(MyInt(7)), type(math.ceil(MyInt(7))).__name__, math.trunc(True))
print(math.gcd(I(), 21), math.factorial(I()), math.comb(I(), 2), math.isqrt(I()), math.perm(I(), 1))
print(math.ldexp(F(), 2), math.frexp(I()), math.modf(F()), math.isclose(F(), 2.25), math.hypot(F(), I()))
print(math.log(I()), math.log(F()), math.log(MyInt(100), 10), math.log10(MyInt(1000)))
print(math.fsum([F(), I(), 1, 0.5]), math.dist([F()], [I()]))
print(math.sqrt.__name__, math.floor.__name__, repr(math.pow)[:24], type(math.sqrt).__name__)
print(math.__name__, sorted(n for n in dir(math) if not n.startswith("_")))
