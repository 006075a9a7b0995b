def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-specific " + type(e).__name__
    except LookupError:
        return "lookup-generic"
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
for exc in [KeyError(), IndexError(), LookupError(), ZeroDivisionError(), OverflowError(), ValueError()]:
    print(classify(exc))
excs = (ValueError, TypeError)
try:
    raise TypeError
except excs:
    print("caught via variable tuple")
try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    raise BaseException("base")
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("caught BaseException", e)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
