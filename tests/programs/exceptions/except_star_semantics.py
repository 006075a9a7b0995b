# except* re-raise rules (PREP_RERAISE_STAR).
def show(x, indent=""):
    print(indent + type(x).__name__ + ": " + str(x))
    if isinstance(x, BaseExceptionGroup):
        for e in x.exceptions:
            show(e, indent + "  ")

def eg():
    return ExceptionGroup("eg", [ValueError("v1"), TypeError("t1"),
                                 ExceptionGroup("inner", [ValueError("v2"), KeyError("k")])])

try:
    try:
        raise eg()
    except* ValueError:
        print("V")
    except* KeyError:
        print("K")
except ExceptionGroup as rest:
    show(rest)

try:
    try:
        raise eg()
    except* ValueError:
        raise
except ExceptionGroup as rest:
    show(rest)

try:
    try:
        raise eg()
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as rest:
    show(rest)
    print(repr(rest.exceptions[0].__context__))

try:
    try:
        raise eg()
    except* (ValueError, TypeError):
        pass
    except* KeyError as g:
        raise g
except ExceptionGroup as rest:
    show(rest)

try:
    try:
        raise ValueError("naked")
    except* ValueError as g:
        show(g)
        raise
except BaseException as e:
    show(e)

try:
    try:
        raise ValueError("naked2")
    except* ValueError:
        raise TypeError("replacement")
except BaseException as e:
    show(e)
    print(repr(e.__context__))

try:
    try:
        raise TypeError("not matched")
    except* ValueError:
        print("no")
except TypeError as e:
    print("plain", repr(e))
for bad in [ExceptionGroup, (ValueError, ExceptionGroup)]:
    try:
        try:
            raise ValueError()
        except* bad:
            pass
    except TypeError as e:
        print(e)
