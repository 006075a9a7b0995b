inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf, inf / inf, 1 / inf, inf > 10 ** 400)
print(nan + 1, nan == nan, nan != nan, nan < 1, max(nan, 1), max(1, nan), min(nan, 1))
print(inf == inf, -inf < inf, inf * -1, abs(-inf), repr(-nan))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 * 10, -1e308 * 10, 1e-323 / 10, 0.0 * -1, -0.0 + 0.0, 0.0 ** 0)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((-8.0) ** (1 / 3), (-1.0) ** 0.5)
print(round(inf) if False else "skip", round(2.5), round(-0.5), round(0.5), round(1.5), round(2.675, 2), round(-1.25, 1))
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
print(round(1.23456e10, -5), round(5.5, 0), round(1e300, 2), round(123.456, -1), round(0.5, None))
