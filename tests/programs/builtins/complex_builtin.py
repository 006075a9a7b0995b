print(complex(), complex(1), complex(1, 2), complex(1.5, -2), complex("3+4j"), complex(1j), complex(real=2), complex(imag=3))
class C:
    def __complex__(self): return 1 + 1j
print(complex(C()))
class F:
    def __float__(self): return 2.0
print(complex(F()), complex(F(), F()))
try:
    complex([])
except TypeError as e:
    print("TypeError:", e)
try:
    complex("1", "2")
except TypeError as e:
    print("TypeError:", e)
