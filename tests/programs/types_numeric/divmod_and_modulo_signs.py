for a in [7, -7, 0]:
    for b in [3, -3]:
        print(a, b, divmod(a, b), a % b, a // b)
for a in [7.5, -7.5]:
    for b in [2.0, -2.0]:
        print(a, b, divmod(a, b))
print(divmod(10 ** 30, 7), divmod(-10 ** 30, 7))
for bad in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divmod(*bad)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    divmod(1j, 1)
except TypeError as e:
    print("TypeError:", e)
print(-0.0 // 1, 0.0 // -1, -1e-300 % 1.0, 1e-300 % -1.0)
