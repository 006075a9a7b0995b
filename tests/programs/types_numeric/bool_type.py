print(True, False, type(True).__name__, bool.__mro__)
print(True + True, True * 3, -True, ~True, True / 2, True // 1, True % 2, True ** 10)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 0).__name__)
print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(0j), bool(float("nan")))
print(str(True), repr(False), int(True), float(False), f"{True}", f"{True:d}", "%d" % True, "%s" % False)
print(True == 1, hash(True) == hash(1), {True: "a", 1: "b"})
try:
    class B(bool): pass
except TypeError as e:
    print("TypeError:", e)
print(bool.__new__(bool, 5), bool(), True.real, True.numerator, True.bit_length())
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]))
print(True.__and__(1), True.__or__(False), (1).__and__(True))
