# Drives tests/capi/kwparse.c: how PyArg_ParseTupleAndKeywords matches
# keywords to its kwlist, and the messages of every way that fails.
import sys
import kwparse as k


def show(f, *a, **kw):
    try:
        print(f.__name__, "->", f(*a, **kw))
    except Exception as e:
        print(f.__name__, "!>", type(e).__name__ + ":", repr(str(e)))


class S(str):
    pass


show(k.named, 1)
show(k.named, 1, 2)
show(k.named, 1, 2, c=3)
show(k.named, a=1, b=2, c=3)
show(k.named, c=3, a=1)
show(k.named, b=2, c=3)
show(k.named)
show(k.named, 1, 2, 3)
show(k.named, 1, 2, 3, 4)
show(k.named, a=1, b=2, c=3, d=4)
show(k.named, 1, a=1)
show(k.named, 1, 2, b=2)
show(k.named, 1, d=4)
show(k.named, 1, **{"a\0": 4})
show(k.named, 1, **{"c\u00e9": 4})
show(k.named, 1, **{S("b"): "sub"})
show(k.named, 1, **{S("zz"): "sub"})
show(k.named, **{S("a"): 1, "c": 3})
show(k.anon, 1, 2)
show(k.anon, b=2, a=1)
show(k.anon, 1)
show(k.anon, 1, 2, 3)
show(k.anon, a=1, b=2, x=3)
show(k.anon, 1, x=3)
show(k.anon, 1, a=3)
show(k.message, "s")
show(k.message, n=3)
show(k.message)
show(k.message, m=1)
show(k.both, 3)
show(k.both)
show(k.both, n=1, m=2)
show(k.posonly, 1, 2)
show(k.posonly, 1, 2, 3)
show(k.posonly, 1, 2, c=3)
show(k.posonly, 1)
show(k.posonly)
show(k.posonly, 1, c=3)
show(k.posonly, 1, 2, 3, 4)
show(k.posonly, 1, 2, a=3)
show(k.optposonly)
show(k.optposonly, 1)
show(k.optposonly, 1, b=2)
show(k.optposonly, b=2)
show(k.optposonly, 1, 2)
show(k.utf8, **{"\u00e9t\u00e9": 1, "na\u00efve": 2, "x": 3})
show(k.utf8, **{"na\u00efve": 2})
show(k.utf8, **{"\u00e9t\u00e9": 1, "naive": 2})
show(k.utf8, **{"\u00e9t\u00e9".upper(): 1})
show(k.many, 0, **{"k%d" % i: i for i in range(9, 0, -1)})
show(k.many, 0, k5=5, k1=1)
show(k.many, k0=7)
show(k.many, 0, k5=5, k10=10)
show(k.many, 0, 1)
show(k.units, (1, 2))
show(k.units, pair=(1, 2), pos=3, text="t")
show(k.units, (1, 2), text="t")
show(k.units, pair=(1, "x"))
show(k.units, pair=[1])
show(k.units, (1, 2), pos=-1)
show(k.units, (1, 2), pos="p")
show(k.units, (1, 2), 3, text=4)
show(k.vakw, 1)
show(k.vakw, 1, b=2)
show(k.vakw, b=2)
show(k.vakw, 1, c=2)
show(k.pos_anon, 1, 2)
show(k.pos_anon, 1)
show(k.pos_anon, 1, 2, 3)
show(k.pos_message, 1)
show(k.pos_message)
show(k.pos_message, 1, 2, 3)
show(k.pos_badformat, 1)
v = object()
r = sys.getrefcount(v)
for _ in range(40):
    k.named(v, b=v, c=v)
    k.anon(b=v, a=v)
    try:
        k.named(v, v, v, v)
    except TypeError:
        pass
    try:
        k.units((1, 2), pos=v)
    except TypeError:
        pass
print("refcount delta", sys.getrefcount(v) - r)
