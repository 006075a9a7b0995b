class Acc:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Acc({self.v})"
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        print("sub fallback")
        return Acc(self.v - o)
    def __imul__(self, o): self.v *= o; return self
    def __itruediv__(self, o): self.v /= o; return self
    def __ifloordiv__(self, o): self.v //= o; return self
    def __imod__(self, o): self.v %= o; return self
    def __ipow__(self, o): self.v **= o; return self
    def __ilshift__(self, o): self.v <<= o; return self
    def __irshift__(self, o): self.v >>= o; return self
    def __iand__(self, o): self.v &= o; return self
    def __ior__(self, o): self.v |= o; return self
    def __ixor__(self, o): self.v ^= o; return self
a = Acc(1)
orig = a
a += 5
a -= 1
print(a, a is orig)
a = Acc(10)
a *= 3; a //= 4; a **= 2; a %= 30; a <<= 3; a >>= 1; a &= 0xff; a |= 1; a ^= 2
print(a)
a /= 4
print(a)
class NoReturn:
    def __iadd__(self, o):
        pass
n = NoReturn()
n += 1
print(n)
