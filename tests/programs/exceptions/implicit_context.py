try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("a")
    finally:
        raise ValueError("b")
except ValueError as e:
    print(repr(e.__context__))
def f():
    try:
        raise OSError("inner")
    except OSError as e:
        err = e
    raise RuntimeError("after except")
try:
    f()
except RuntimeError as e:
    print(e.__context__)
try:
    try:
        raise TypeError("t")
    except TypeError as t:
        raise t
except TypeError as e:
    print("reraise same:", e.__context__)
try:
    try:
        raise KeyError(1)
    except KeyError:
        try:
            raise ValueError(2)
        except ValueError:
            raise IndexError(3)
except IndexError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
