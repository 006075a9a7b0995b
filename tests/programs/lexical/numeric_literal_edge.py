for src in ["1__0", "1_", "0x_", "0b2", "0o8", "09", "1.e", "0_7", "1e", "0x1.0", "1_.5"]:
    try:
        v = eval(src)
        print(repr(src), "->", v)
    except SyntaxError:
        print(repr(src), "-> SyntaxError")
print(eval("00"), eval("0_0"), eval("1_0.0_1"), eval("0e5"), eval("0j"))
print(eval("0xAbC"), eval("0b_1"), eval("0o_7_7"))
print(1.0.is_integer(), 10 .__class__.__name__)
print(1e-1000, -1e-1000, 1e1000 == float("inf"))
