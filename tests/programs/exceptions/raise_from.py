try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise KeyError("k") from RuntimeError("cause")
except KeyError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise KeyError from ValueError
except KeyError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise KeyError from 5
except TypeError as e:
    print("TypeError:", e)
e = ValueError("manual")
e.__cause__ = KeyError("c")
print(e.__suppress_context__)
