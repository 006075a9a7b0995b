class Empty: pass
class WithOnlyDoc:
    "doc only"
class Nested:
    class A:
        class B:
            value = "deep"
print(Nested.A.B.value, WithOnlyDoc.__doc__)
def factory(n):
    class Made:
        num = n
        def __repr__(self): return f"Made({self.num})"
    return Made
M1, M2 = factory(1), factory(2)
print(M1(), M2(), M1 is M2, M1.__qualname__)
class Self:
    def me(self): return self
s = Self()
print(s.me().me() is s)
class K:
    pass
K.__init__ = lambda self, v: setattr(self, "v", v)
print(K(9).v)
class ClassVarList:
    shared = []
    def add(self, x):
        self.shared.append(x)
        return self
print(ClassVarList().add(1).add(2).shared, ClassVarList.shared)
