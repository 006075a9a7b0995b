vals = [
    u"unicode", U"Unicode",
    r"\raw", R"\Raw",
    b"bytes", B"Bytes",
    br"\br", Br"\Br", bR"\bR", BR"\BR", rb"\rb", rB"\rB", Rb"\Rb", RB"\RB",
    f"{1}f", F"{2}F", fr"{3}\fr", Fr"{4}\Fr", fR"{5}\fR", FR"{6}\FR",
    rf"{7}\rf", rF"{8}\rF", Rf"{9}\Rf", RF"{10}\RF",
]
for v in vals:
    print(type(v).__name__, v)
for src in ['ub"x"', 'bu"x"', 'fb"x"', 'uf"x"', 'ur"x"']:
    try:
        eval(src)
        print(src, "ok")
    except SyntaxError as e:
        print(src, "SyntaxError")
