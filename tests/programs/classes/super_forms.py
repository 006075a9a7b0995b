class A:
    def f(self):
        return "A.f"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
    @staticmethod
    def sm():
        return "A.sm"
class B(A):
    def f(self):
        return "B.f/" + super().f()
    @classmethod
    def cm(cls):
        return "B.cm/" + super().cm()
    @staticmethod
    def sm():
        return "B.sm/" + super(B, B).sm()
    def two_arg(self):
        return super(B, self).f()
    def lam(self):
        return (lambda: super(B, self).f())()
print(B().f(), B.cm(), B.sm(), B().two_arg(), B().lam())
sb = super(B, B())
print(sb.f())
print(super(B, B).cm())
def outside(self):
    return super(B, self).f()
print(outside(B()))
class C(B):
    def f(self):
        g = lambda: super().f()
        return "C.f/" + g()
try:
    print(C().f())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(B, 5)
except TypeError as e:
    print("TypeError:", e)
class NoArg:
    def m():
        return super()
try:
    NoArg.m()
except RuntimeError as e:
    print("RuntimeError:", e)
