print(format(42), format(42, "b"), format(3.14159, ".2f"), format("s", ">3"), format(1234567, ","))
print(format(0.5, "%"), format(255, "#x"), format(-1.5, "e"), format(10, "^6"), format(True), format(None))
try:
    format(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    format([], "d")
except TypeError as e:
    print("TypeError:", e)
class F:
    def __format__(self, spec): return f"F[{spec}]"
print(format(F()), format(F(), "abc"), f"{F():xyz}", "{:q}".format(F()))
