print("%s %r %a" % ("é", "é", "é"))
print("%d %i %u" % (42, -42, 7), "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
print("%e %E %f %F %g %G" % (12345.678, 12345.678, 1.5, 1.5, 0.00001234, 1e20))
print("%.2f %10.3f %-10.1f| %.0f %.0e" % (3.14159, 2.71828, 1.5, 2.5, 15000))
print("%c %c" % (65, "z"), "%%", "%s%%" % 50)
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (1, 2), "%r" % ((1, 2),))
print("%d" % 3.99, "%x" % 2**70, "%s" % None, "%5s|%-5s|" % ("ab", "cd"), "%.2s" % "abcdef")
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1234567890), ("%d", [])]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__ + ":", e)
print("%.3r" % "abcdef", "%-6r|" % "a", "%#.3g" % 1.0, "%g" % 100000.0, "%g" % 1000000.0)
