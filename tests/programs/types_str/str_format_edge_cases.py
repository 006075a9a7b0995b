def t(f):
    try:
        r = repr(f())
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(r)

for fs in ["{0[}]}", "{0[{]}", "{", "}", "{0", "{0!}", "{0!rr}", "{0!r", "{!}", "{0.}", "{0[]}", "{0..a}", "{0[0]x}", "{0.a[}", "{0!r:}", "{0:}}", "a{{b}}c", "{0}{}", "{}{0}", "{0:{}}", "{ 0}", "{-1}", "{0x}", "{00}", "{1e3}", "{0[a]b}", "x}y", "{:{:{}}}", "{!r:{}}", "{0!s:>{1}}", "{[0]}", "{0!x}", "{0!\x01}", "{0[1}", "{99999999999999999999}", "{0[99999999999999999999]}", "{0[-1]}", "{1}", "{x}", "{2:{1}}", "{0:{1}{2}}", "{a}", "{:{:}}", "{0[{]}x"]:
    t(lambda: fs.format({"}": "c", "{": "o", "-1": "neg"}, "5", "<", a="A", **{"0x": "ox", "1e3": "e", " 0": "sp", "-1": "m1", "00": "zz", "x": "X"}))
t(lambda: "{!r} {!s} {!a}".format("é", "é", "é"))
t(lambda: "{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
t(lambda: "{0!r:>10}".format("q"))
t(lambda: "{0}".format_map({}))
t(lambda: "{x}".format_map({"x": "mapped"}))
t(lambda: "{0}".format_map(1))
t(lambda: "{x}".format_map(1))
t(lambda: "{:s}".format("str"))
t(lambda: "é{0}ü{1}".format("\U0001f600", "x"))
t(lambda: "{0[0]}{0[1]}".format("ab"))
t(lambda: "{0.upper}".format("ab").startswith("<built-in method upper"))
t(lambda: "abc" % ())
t(lambda: "abc" % [])
t(lambda: "abc" % "x")
t(lambda: "abc" % {"a": 1})
t(lambda: "ü%sé" % "\U0001f600")
