vals = [0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e-5, 1e-4, 123456789012345.6, 1.5e300,
        2.5, 100.0, 1e100, 9.999999999999999e22, 0.1 + 0.7, 3.0 * 1.1, 4.35, -0.0,
        float("inf"), float("-inf"), 1e-320, 2 ** 53 + 0.0, 2.0 ** 63, 1234.5678]
for v in vals:
    print(repr(v), str(v))
print(float(10 ** 20), float(2 ** 1023), float(-(2 ** 60)))
print(1.0 == 1, 0.1 + 0.2 == 0.3, float("nan") == float("nan"))
n = float("nan")
print(n != n, n is n, [n] == [n])
