print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-10 ** 30))
class A:
    def __abs__(self): return "custom abs"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
print(all([]), all([1, 2]), all([1, 0]), all("abc"), all([[]]), any([]), any([0, None, 1]), any(""), any([[0]]))
def gen():
    yield 1
    print("second pulled")
    yield 0
    print("never")
    yield 1
print(all(gen()))
try:
    all(5)
except TypeError as e:
    print("TypeError:", e)
