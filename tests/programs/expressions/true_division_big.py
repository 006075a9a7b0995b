print(10 ** 30 / 10 ** 15)
print((2 ** 1000) / (2 ** 998))
print(1 / (2 ** 60))
try:
    print((10 ** 400) / 1)
except OverflowError as e:
    print("OverflowError:", e)
print((10 ** 400) / (10 ** 399))
print(7 / 7, -7 / 7, 0 / -7)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 3 % 10)
print(2 ** 53 + 1, float(2 ** 53 + 1), (2 ** 53 + 1) / 1)
print(1 / 3 * 3 == 1.0, 0.1 * 3, 3 * 0.1)
