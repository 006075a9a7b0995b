for data, enc in [(b"\xff", "utf-8"), (b"\xe4\xb8", "utf-8"), (b"a\xe4\xb8z", "utf-8"), (b"\xff", "ascii"), (b"ab\xed\xa0\x80", "utf-8")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
        print(e.encoding, e.object, e.start, e.end, e.reason)
for s, enc in [("\xe9", "ascii"), ("ab\xe9\xe9", "ascii"), ("\u1234", "latin-1"), ("\ud800", "utf-8")]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
        print(e.encoding, ascii(e.object), e.start, e.end, e.reason)
try:
    bytes("\xe9", "ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
