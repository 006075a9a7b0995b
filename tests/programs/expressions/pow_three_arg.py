print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000007))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(5, 0, 1), pow(5, 0, 7))
print(pow(3, -1, 7), pow(2, -1, 9), pow(38, -1, 97))
print(pow(2, 1000, 10**9 + 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
print(pow(2, 0.5) == 2 ** 0.5, pow(-1, 0.5))
print(pow(0, 0), pow(0.0, 0.0), pow(2, -3))
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(pow(base=2, exp=5), pow(2, exp=5, mod=3))
