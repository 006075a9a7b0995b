class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
class ReprOnly:
    def __repr__(self): return "ReprOnly-repr"
class StrOnly:
    def __str__(self): return "StrOnly-str"
    __repr__ = lambda self: "explicit"
b, r = Both(), ReprOnly()
print(b, r, str(b), repr(b), str(r))
print([b, r], (b,), {1: b})
print(f"{b} {b!r} {r}")
print("%s %r" % (b, b))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class StrSub(str):
    pass
class RetSub:
    def __str__(self): return StrSub("sub")
print(type(str(RetSub())).__name__, str(RetSub()))
print(repr(type), repr(int), repr(Both).endswith("Both'>"))
