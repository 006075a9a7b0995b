class A:
    def __init__(self):
        print("A.__init__")
        self.a = 1
    def who(self):
        return "A"
class B(A):
    def __init__(self):
        print("B.__init__")
        super().__init__()
        self.b = 2
    def who(self):
        return "B>" + super().who()
class C(B):
    def who(self):
        return "C>" + super(C, self).who()
c = C()
print(c.a, c.b, c.who())
print(C.__mro__)
print(issubclass(C, A), isinstance(c, B), issubclass(A, C))
class D(A):
    @classmethod
    def make(cls):
        return cls.__name__
    @classmethod
    def parent_make(cls):
        return super().who(None) if False else super(D, cls).__name__ if False else "cm"
print(D.make())
print(super(B, c).who())
s = super(C, c)
print(type(s).__name__)
