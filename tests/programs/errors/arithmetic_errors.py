cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0,
    lambda: 1.0 % 0.0,
    lambda: 0 ** -1,
    lambda: 0.0 ** -2,
    lambda: 1j / 0,
    lambda: (10 ** 400) * 1.0,
    lambda: float(10 ** 400),
    lambda: 2.0 ** 5000,
    lambda: int(float("inf")),
    lambda: (1e308).__mul__(10) and 10.0 ** 400,
    lambda: 1 << (2 ** 100),
    lambda: [0] * (2 ** 100),
    lambda: round(float("inf")),
    lambda: (2 ** 100).to_bytes(2, "big"),
    lambda: chr(2 ** 40),
    lambda: pow(10.0, 400),
    lambda: 10 ** 400 / 3,
    lambda: 3 / 10 ** 400 + 1e309 and (10 ** 400) // 0.5,
]
for c in cases:
    try:
        print(c())
    except (ArithmeticError, ValueError, MemoryError) as e:
        print(type(e).__name__, e)
