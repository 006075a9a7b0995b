for s in ["1", "1.5", " -2.5e3 ", "inf", "-Infinity", "nan", "NaN", "+1E5", "1_0.5", ".5", "5.", "1e-400", "1e400", "0x10" , "", "1,5", "1__0", "infinity ", "iNF"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
print(float(5), float(True), float(2 ** 70), float(b"1.25"), float(bytearray(b" 2 ")))
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
try:
    float(1j)
except TypeError as e:
    print("TypeError:", e)
class F:
    def __float__(self): return 2.5
class Idx:
    def __index__(self): return 3
print(float(F()), float(Idx()), float(), float("-0"), float("\u0663.\u0665"))
