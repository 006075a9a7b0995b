print(b"%s" % b"abc", b"%5s|%-5s|" % (b"ab", b"cd"), b"%d %i %x %X %o" % (10, -3, 255, 255, 8))
print(b"%c%c" % (65, b"B"), b"%r" % b"x" if False else b"%a" % "é", b"%%", b"%(k)s" % {b"k": b"v"})
print(b"%.2f %e" % (3.14159, 12345.678), b"%05d" % 42)
for fmt, arg in [(b"%s", "str"), (b"%d", b"x"), (b"%c", 256), (b"%s %s", (b"a",))]:
    try:
        print(fmt % arg)
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(bytearray(b"%d-%s") % (1, b"z"))
