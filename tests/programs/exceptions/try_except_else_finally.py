def run(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError as e:
        print("except", e)
        return "from except"
    else:
        print("else", r)
        return "from else"
    finally:
        print("finally")
print(run(2))
print(run(0))
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", e)
try:
    pass
except:
    print("never")
else:
    print("else without exception")
try:
    raise TypeError("multi")
except (ValueError, TypeError) as e:
    print("tuple catch", type(e).__name__)
try:
    raise IndexError
except LookupError as e:
    print("base class catch", type(e).__name__, repr(e))
