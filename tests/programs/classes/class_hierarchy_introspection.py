class A: pass
class B(A): pass
class C(B): pass
print(A.__subclasses__(), B.__subclasses__())
print(C.__bases__, C.__base__, C.__mro__[-1])
print(issubclass(C, C), issubclass(C, object), issubclass(object, C))
print(isinstance(C, type), isinstance(C(), A), type(C()).__mro__[1].__name__)
print(bool.__mro__, int.__subclasses__().__len__() > 0)
print(type.__base__, object.__base__, type.__mro__)
