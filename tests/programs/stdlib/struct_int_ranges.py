# struct.pack of every integer code in every byte order at the range boundaries,
# with CPython's messages for out-of-range and non-integer arguments.
import struct
class Idx:
    def __index__(self): return 7
class Bad:
    def __index__(self): raise ValueError("bad index")
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
for bo in "@=<>!":
    for c in "bBhHiIlLqQnNP?":
        if c in "nNP" and bo != "@":
            t(lambda: struct.calcsize(bo + c))
            continue
        sz = struct.calcsize(bo + c)
        bits = sz * 8
        for v in [-(2**bits), -2**(bits-1)-1, -2**(bits-1), -1, 0, 1, 2**(bits-1)-1, 2**(bits-1), 2**bits-1, 2**bits, 2**100, -2**100, "x", 1.5, True, Idx(), Bad(), None]:
            print(bo, c, repr(v)[:20], end=" : ")
            t(lambda: struct.pack(bo + c, v))
