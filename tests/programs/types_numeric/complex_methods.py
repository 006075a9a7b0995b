z = complex(3, -4)
print(z.real, z.imag, z.conjugate(), abs(z), z == complex(3, -4), -z, +z)
print(complex("1+2j"), complex("(1+2j)"), complex("  2.5  "), complex("-1.5e-3j"), complex("infj"), complex("nan+nanj"))
for bad in ["1+", "j1", "1+2", "1 + 2j", "", "(1+2j"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError:", e)
try:
    complex(1, "2")
except TypeError as e:
    print("TypeError:", e)
print(complex(1 + 2j, 3 + 4j), complex(-0.0, 0.0), complex(0.0, -0.0))
print(repr(complex(1e17, 1e-17)), repr(complex(float("inf"), -1)), repr(complex(1, float("nan"))))
print(hash(complex(1, 0)) == hash(1), (1 + 2j) ** 2, (2j) ** 0.5, 1j ** 2 == -1)
print((1 + 1j) / (1 - 1j), 1 / 1j, (1 + 2j) * 1j)
print(format(1 + 2j, ".3f"), format(1.5 - 2j, "+.1e"), format(3j, ">12"), format(1 + 0j, "g"))
