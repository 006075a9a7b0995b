for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.4999999999999999, 2.675, 1.005, 1e16 + 1, 7]:
    print(repr(v), round(v), round(v, 2), round(v, -1))
print(round(1234, -1), round(1235, -1), round(1245, -1), round(-1235, -1), round(15, -1), round(25, -1))
print(round(12345, -10), round(5, 2), type(round(5, 2)).__name__, type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
print(round(10 ** 20 + 5, -1), round(2 ** 70 + 2 ** 69, -20))
try:
    round("1")
except TypeError as e:
    print("TypeError:", e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print("TypeError:", e)
