# + - * // % on exact ints around the machine-word boundaries: the
# interpreter's 63-bit fast path must agree with big-int arithmetic,
# including overflow past 2**63 and the single overflowing quotient.
import itertools

vals = [0, 1, -1, 7, -7, 2**30 - 1, 2**30, -2**30, 2**31, 2**40 + 3, -2**40 - 5,
        2**62, -2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64,
        12345678901234, -98765432109]
for a, b in itertools.product(vals, repeat=2):
    row = [a + b, a - b, a * b]
    if b:
        row += [a // b, a % b]
    print(a, b, row)

print((-2**63) // -1, (-2**63) % -1, (2**63 - 1) * 2, -(2**63) - 1)

total = 0
for i in range(5000):
    total += i * i * i * i
    total -= i
print(total, total % 1000003, total // 977)

class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"
print(MyInt(2**40) + 2**40, 2**40 + MyInt(3))
try:
    2**40 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2**40 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
