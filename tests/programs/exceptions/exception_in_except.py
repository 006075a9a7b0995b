def f():
    try:
        raise ValueError("first")
    except ValueError:
        return undefined_name
try:
    f()
except NameError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    try:
        raise KeyError
    except KeyError as k:
        k.extra = "attached"
        raise
except KeyError as k:
    print(k.extra)
try:
    try:
        raise TypeError("a")
    except ValueError:
        print("not here")
    finally:
        print("finally with pending TypeError")
except TypeError as e:
    print("propagated", e)
