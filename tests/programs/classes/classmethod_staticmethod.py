class C:
    factor = 2
    @classmethod
    def create(cls, v):
        return cls, v * cls.factor
    @staticmethod
    def helper(a, b):
        return a + b
class D(C):
    factor = 10
print(C.create(1)[1], D.create(1)[1], D.create(1)[0].__name__, D().create(3)[1])
print(C.helper(1, 2), C().helper(3, 4))
cm = C.__dict__["create"]
sm = C.__dict__["helper"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__.__name__)
print(sm(5, 6))
print(callable(cm))
class E:
    @classmethod
    @property
    def cls_prop(cls):
        return "cls prop of " + cls.__name__
print(E.cls_prop)
bound = C.create
print(bound.__self__ is C, bound.__func__ is cm.__func__)
