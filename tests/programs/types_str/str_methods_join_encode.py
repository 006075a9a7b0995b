print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(map(str, range(4))))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(5)
except TypeError as e:
    print("TypeError:", e)
s = "héllo wörld €"
for enc in ["utf-8", "utf-16-le", "latin-1", "ascii"]:
    try:
        print(enc, s.encode(enc))
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print(s.encode().decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xff".decode("latin-1"))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print("\ud800".encode("utf-8", "surrogatepass"), "x".encode("UTF8"), "x".encode(encoding="utf_8"))
