cases = [Exception(), Exception("a"), Exception("a", 1), Exception(None),
         ValueError(""), KeyError("k"), KeyError(1), KeyError(("t",)),
         IndexError(3), BaseException([1]), StopIteration(), ZeroDivisionError("z")]
for c in cases:
    print(repr(c), "|", str(c), "|", c.args)
class MyErr(Exception):
    pass
print(repr(MyErr("x")), str(MyErr(1, 2)))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(repr(WithStr("x")), str(WithStr("x")))
class WithInit(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
w = WithInit(1, 2)
print(w.args, w.b, repr(w))
e = Exception("a")
e.args = ("changed", 2)
print(str(e), repr(e))
