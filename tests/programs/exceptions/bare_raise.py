def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("reraised", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def g():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise IndexError("i")
        except IndexError:
            pass
        raise
try:
    g()
except KeyError as e:
    print("outer exception restored:", repr(e))
