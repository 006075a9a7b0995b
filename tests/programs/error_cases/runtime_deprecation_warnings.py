# DeprecationWarnings the core types issue at run time; shown because the
# code runs in __main__, once per source line (the default action).
print(bool(NotImplemented))
for i in range(3):
    if NotImplemented:
        pass


class I:
    def __int__(self):
        return True
print(int(I()), type(int(I())).__name__)


class X:
    def __index__(self):
        return True
print([10, 20][X()], hex(X()), type(range(5)[X()]).__name__)


class G(float):
    pass
class F:
    def __float__(self):
        return G(1.5)
print(float(F()), type(float(F())).__name__)


class D(complex):
    pass
class C:
    def __complex__(self):
        return D(1)
print(complex(C()))


class T:
    def __trunc__(self):
        return 3
print(int(T()))
def in_function():
    return int(T())
print(in_function())
