print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-2, 3), pow(-8, 1 / 3) if False else "", pow(4, 0.5), pow(0, 0), pow(10, 20))
print(pow(2, 10, 1000), pow(-2, 3, 5), pow(7, -1, 13), pow(2, 0, 1))
print(pow(1j, 2), pow(2, 3j) == 2 ** 3j)
print(pow(-1, 0.5) == (-1) ** 0.5)
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 4), (2, 3.0, 4), ("a", 2)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    pow(0.0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
