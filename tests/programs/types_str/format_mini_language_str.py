s = "text"
for spec in ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "10.2", "-<8", "x>8", "^3"]:
    print(repr(spec), repr(format(s, spec)))
for bad in ["d", "=10", "+", ",", "#"]:
    try:
        format(s, bad)
    except ValueError as e:
        print("ValueError:", e)
print(repr(format("", "^5")), repr(format("é", "*>4")), repr(f"{'ab':{'-'}^{6}}"))
print(format(None, ""), format([1, 2]), format((1,), ""))
try:
    format(None, "5")
except TypeError as e:
    print("TypeError:", e)
