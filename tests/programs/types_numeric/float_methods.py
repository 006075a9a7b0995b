vals = [0.0, 1.0, -2.5, 0.1, 1e300, 5e-324, 1 / 3, 255.0]
for v in vals:
    print(v.hex(), v.as_integer_ratio(), v.is_integer())
for s in ["0x1p0", "0x1.8p1", "-0x1.fffffffffffffp+1023", "0x0.0p0", "0X1P-1074", "inf", "-nan", "0x1.0000000000000p+4"]:
    print(s, float.fromhex(s))
try:
    float.fromhex("0x1p99999")
except OverflowError as e:
    print("OverflowError:", e)
try:
    float.fromhex("zz")
except ValueError as e:
    print("ValueError:", e)
for bad in [float("inf"), float("nan")]:
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print((2.5).conjugate(), (2.5).real, (2.5).imag, float.__name__)
print((7.0).__trunc__(), (7.9).__floor__() if hasattr(float, "__floor__") else "", round(7.5), (-7.5).__round__(), (7.45).__round__(1))
print(float.__getformat__("double"))
