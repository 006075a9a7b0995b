n = 1234567
specs = ["", "d", "10d", "<10d", "^10d", ">10d", "=10d", "+d", "-d", " d", "010d", ",d", "_d", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "_b", "_x", "c", "n", "e", ".2f", "%", "#010x", "*^15,", "+,d"]
for spec in specs:
    print(repr(spec), repr(format(n if spec != "c" else 65, spec)))
for v in [0, -1, -255, 2 ** 64]:
    print(format(v, "x"), format(v, "#b"), format(v, "+05d"), format(v, ","), format(v, "=+8"))
for bad in [".2d", "s", "=s" , ",x", "c,", "#c"]:
    try:
        print(format(42, bad))
    except ValueError as e:
        print("ValueError:", e)
print(format(True, "d"), format(True, ""), format(True, "5"), format(False, "x"))
