print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mix "q"', "mix 'q'")
print("a\tb\\n", 'x\x41\101\u00e9\U0001F600'.encode("utf-8"))
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{GREEK SMALL LETTER ALPHA}")
print("adjacent" " concatenation" ' works')
print("""line1
line2""")
print("back\
slash continuation")
print(len("\0\a\b\f\n\r\t\v"), [ord(c) for c in "\0\a\b\f\n\r\t\v"])
print("\777"[0] == chr(0o777), "\8" == "\\8")
print(repr("\x00\x7f\x80\xff"))
print(repr('a"b'), repr("a'b"), repr("a'b\"c"))
print(repr("\u2028"), repr("\U0010ffff"), repr("é"))
s = "x" "y" \
    "z"
print(s)
