class S(str):
    pass
s = S("héllo")
print(s, s.upper(), repr(s), s + "!", s[1], s == "héllo", type(str(s)).__name__, type(s).__name__)
a = S("abc")
print(a, a.upper(), "-".join([a, a]), a.split("b"), "%s|%r" % (a, a), a * 2, a.strip() is a, str(a) is a)
class T(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
t = T("xy")
print(t, t.lower(), "{}".format(t), f"{t!r:>8}")
for ch in S("aé"):
    print(ch)
print(S(b"caf\xc3\xa9", "utf-8"), "é" in S("café"))
class U(str):
    def __str__(self):
        return "custom"
u = U("base")
print(str(u), repr(u), "%s" % u, "{}".format(u), f"{u}", u + "x", u.upper())
print(hash(S("k")) == hash("k"), {S("k"): 1}["k"], S("k") in {"k": 2})
print(S().__getnewargs__(), type(S("q").__getnewargs__()[0]).__name__, len(S("abc")))
print(str(object="kw"), repr(str(b"abc")), str(b"x", errors="strict"))
