x = 1234.5678
for spec in ["", "f", ".0f", ".1f", ".3e", "E", "g", ".3g", "G", ".10g", "%", ".2%",
             "10.2f", "<10.2f", "^10.2f", ">10.2f", "+.2f", " .2f", "010.2f", ",.2f", "_.2f", "#.0f", ".2n" if False else "r" if False else ".2"]:
    print(repr(spec), repr(format(x, spec)))
for v in [0.0, -0.0, 1e-7, 1e20, 1.5, 2.5, 0.125, float("inf"), float("nan"), -float("inf")]:
    print(format(v, ""), format(v, ".2f"), format(v, "g"), format(v, "e"), format(v, "+08.2f"))
print(format(1e16, ".17g"), format(0.1, ".20f"), format(2/3, ".0%"))
print(round(2.675, 2), format(2.675, ".2f"), format(1.005, ".2f"))
print("%.3f|%10.2e|%-8.1f|%g|%G|%+d" % (3.14159, 12345.678, 2.25, 1e-5, 1e20, 3))
