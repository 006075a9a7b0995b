# PEP 3131: every identifier is NFKC-normalized, wherever it appears.
class Ｋ:
    ﬂag = 1
    def ｍ(self, ｐａｒａｍ=2, *, ﬁx=3):
        return ｐａｒａｍ + fix
print(K.__name__, K.flag, K().m(), K().m(param=5, ﬁx=1), K.__dict__.get("m").__name__)
o = K()
o.ｘ = 7
print(o.x, vars(o))
def f(**kw):
    return sorted(kw)
print(f(ｘ=1, ſ=2, µ=3))
ℙ = 1
def g():
    global ℙ
    ℙ = 2
g()
print(P)
ﬁ = "lig"
print(f"{ﬁ} {fi!r}")
print(eval("ｘｙ", {"xy": 42}))
import sys as ｓ
print(ｓ is sys if "sys" in dir() else "not bound", s.__name__)
match {"k": 1}:
    case {"k": ｖ}:
        print(v)
print(sorted(k for k in dir() if not k.startswith("__")))
