# split/subgroup/derive, construction errors and metadata copying.
def show(x, indent=""):
    if x is None:
        print(indent + "None")
        return
    print(indent + type(x).__name__ + ": " + str(x))
    if isinstance(x, BaseExceptionGroup):
        for e in x.exceptions:
            show(e, indent + "  ")

eg = ExceptionGroup("eg", [ValueError("v1"), TypeError("t1"),
                           ExceptionGroup("inner", [ValueError("v2"), KeyError("k")])])
m, r = eg.split(ValueError)
show(m); show(r)
show(eg.subgroup(lambda e: isinstance(e, KeyError)))
show(eg.subgroup((TypeError, KeyError)))
show(eg.subgroup(lambda e: False))
print(eg.subgroup(lambda e: True) is eg)
m, r = eg.split(Exception)
print(m is eg, r)
show(BaseExceptionGroup("b", [KeyboardInterrupt()]))
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(ExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
for args in [(), ("m",), ("m", []), ("m", 1), ("m", [1]), (1, [ValueError()]), ("m", [ValueError()], 3)]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [1, (ValueError, 1), "x"]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("split:", e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
class MyEG(ExceptionGroup):
    pass
try:
    MyEG("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    ExceptionGroup("m", [ValueError()], x=1)
except TypeError as e:
    print(e)

# metadata is copied onto derived parts
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("meta", [ValueError(1), TypeError(2)]) from OSError("cause")
except ExceptionGroup as e:
    e.add_note("a note")
    m, r = e.split(ValueError)
    print(m.__traceback__ is e.__traceback__, repr(m.__cause__), repr(m.__context__))
    print(m.__notes__, m.__notes__ is e.__notes__, r.__suppress_context__)
    print(repr(m), repr(r))

class DEG(ExceptionGroup):
    def derive(self, excs):
        return DEG(self.message + "!", excs)
d = DEG("d", [ValueError(1), TypeError(2)])
m, r = d.split(TypeError)
print(type(m).__name__, repr(m), repr(r))
print(repr(d.derive([KeyError(3)])))
print(repr(ExceptionGroup("g", [ValueError(1)]).derive([KeyError(3)])))
print(ExceptionGroup[int], BaseExceptionGroup[str])
print(str(ExceptionGroup("one", [ValueError()])), str(ExceptionGroup("two", (ValueError(), TypeError()))))
print(repr(ExceptionGroup("tuple", (ValueError(1),))))
e = ExceptionGroup("args", [ValueError(1)])
print(e.args, e.message, e.exceptions)
