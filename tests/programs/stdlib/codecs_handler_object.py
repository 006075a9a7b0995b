# A decode error handler may replace the exception's object: decoding goes
# on in the new bytes from the position it returns, as in CPython.
import codecs
state = {"n": 0}
def swap(exc):
    # the first time, replace the input and resume inside the new one
    state["n"] += 1
    if state["n"] == 1:
        exc.object = b"[" + exc.object[exc.end:] + b"]"
        return ("<%s>" % exc.reason, 1)
    return ("?", exc.end)
codecs.register_error("t.swap", swap)
for enc, data in [("utf-8", b"ab\xffcd"), ("ascii", b"a\x80bc"), ("utf-16-le", b"a\x00\x00\xdcb\x00"), ("utf-32-le", b"\x00\x00\x11\x00b\x00\x00\x00"),
                  ("utf-7", b"a+!bc"), ("cp1252", b"a\x81bc"), ("unicode_escape", b"a\\x4gbc"), ("raw_unicode_escape", b"a\\u12zbc")]:
    state["n"] = 0
    try:
        print(enc, ascii(data.decode(enc, "t.swap")))
    except Exception as e:
        print(enc, type(e).__name__, e)
def bad(exc):
    exc.object = "str"
    return ("", exc.end)
codecs.register_error("t.bad", bad)
try:
    b"\xff".decode("utf-8", "t.bad")
except TypeError as e:
    print("TypeError:", e)
state["n"] = 0
print(codecs.utf_8_decode(b"ab\xffcd", "t.swap"))
state["n"] = 0
print(codecs.utf_16_le_decode(b"a\x00\x00\xdcb\x00c", "t.swap"))
