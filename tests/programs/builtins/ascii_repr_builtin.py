for v in ["abc", "é", "日本", "\n", "\x00", "\U0001F600", ["é"], {"k": "ü"}, b"\xff", 5, None]:
    print(ascii(v), repr(v))
class C:
    def __repr__(self): return "Ĉ()"
print(ascii(C()), repr(C()))
print(repr("'"), repr('"'), repr("'\""), repr("\\"), repr("\t\r"), repr("\x7f\x80\xa0\xad"))
