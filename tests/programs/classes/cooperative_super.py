class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right", right)
        super().__init__(**kw)
class Child(Left, Right):
    def __init__(self, **kw):
        print("Child")
        super().__init__(**kw)
Child(left=1, right=2, extra=3)
print([c.__name__ for c in Child.__mro__])
class M:
    def hello(self):
        return ["M"]
class N(M):
    def hello(self):
        return ["N"] + super().hello()
class Q(M):
    def hello(self):
        return ["Q"] + super().hello()
class R(N, Q):
    def hello(self):
        return ["R"] + super().hello()
print(R().hello())
