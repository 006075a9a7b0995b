a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b)
print(a ** 2, a ** 0, (1j) ** 2, 1j ** 1j if False else "skip")
print(abs(a), -a, +a, a == 3 + 4j, a != b)
print(a.conjugate(), a.real, a.imag)
print(complex(2) + 1, 2 * a, a * 2.5, a / 2)
print(complex("1e3+2.5j"), complex("-j"), complex("+1.5"), complex(1, 2) == complex("1+2j"))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    a // 2
except TypeError as e:
    print("TypeError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(complex(3, 0) == 3, hash(complex(3, 0)) == hash(3))
print(repr(complex(0, -0.0)), repr(complex(-1, 0)), repr(1e20j), repr(complex(1e-5, 1e16)))
print(format(a, ".2f"), format(a, ""), format(a, "^20"), "%s" % a)
print(complex(real=1, imag=2), complex(1j, 1j))
print(bool(0j), bool(1j), type(a).__name__)
print(pow(1j, 2), pow(2+0j, 3))
