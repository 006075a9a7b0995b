pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (1, 7)]
for a, b in pairs:
    print(a, b, a / b, a // b, a % b, divmod(a, b))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(1 / 3, 2 / 3, 10 / 4, 10 / 5, type(10 / 5).__name__)
print(-0.0 % 5, 0.0 % -5, 5 % float("inf"), -5 % float("inf"))
print(3 // 0.5, 1 % 0.1)
print(2 ** 0.5, 2 ** -1, (-8) ** (1/3) if False else "skip", 0 ** 0, 0.0 ** 0)
print((-2) ** 2, -2 ** 2, 2 ** -2, (-2) ** -1)
print(10 ** 20 / 10 ** 10, 10 ** 400 // 10 ** 398)
print((10**30) / 3)
print(True / 2, True // 2, False % 3)
