class BadLen:
    def __len__(self): return "x"
class BadIndex:
    def __index__(self): return 1.5
class BadIter:
    def __iter__(self): return [1]
class BadHash:
    def __hash__(self): return 1.5
class BadBool:
    def __bool__(self): return 1
class BadRepr:
    def __repr__(self): return b"x"
cases = [lambda: len(BadLen()), lambda: [1][BadIndex()], lambda: iter(BadIter()), lambda: hash(BadHash()),
         lambda: bool(BadBool()), lambda: repr(BadRepr()), lambda: not BadBool(), lambda: [x for x in BadIter()]]
for c in cases:
    try:
        c()
        print("no error?!")
    except TypeError as e:
        print(type(e).__name__, e)
