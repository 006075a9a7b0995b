s = "  a  b\tc\nd  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "a,b,,c".split(",", -1))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print("line1\nline2\r\nline3\rline4".splitlines())
print("line1\nline2\n".splitlines(True), "".splitlines(), "\n".splitlines())
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
print("x y z".split(maxsplit=1), "x y z".rsplit(sep=" ", maxsplit=1))
print("aXbXc".split("X", 0), "  lead".split(" "))
