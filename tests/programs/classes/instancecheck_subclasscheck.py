class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return sub is bool
class IntLike(metaclass=Meta):
    pass
print(isinstance(5, IntLike), isinstance("s", IntLike))
print(issubclass(bool, IntLike), issubclass(str, IntLike))
print(isinstance(IntLike(), IntLike))
print(isinstance(3, (str, IntLike)))
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(5, int)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(True, int), issubclass(bool, (str, int)), isinstance(1, (list, (tuple, int))))
