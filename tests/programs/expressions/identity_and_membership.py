a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True, ... is ...)
print(1 in a, 3 in a, 3 not in a)
print("ab" in "cabd", "" in "x", "x" in "", "ba" in "abc")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"})
print(3 in range(10), 3.0 in range(10), 3.5 in range(10), 10 in range(0, 20, 5))
print(b"b" in b"abc", 98 in b"abc", 98 in bytearray(b"abc"))
nan = float("nan")
print(nan in [nan], nan in [float("nan")])
class Eq:
    def __eq__(self, o):
        return True
print(Eq() in [1], 1 in [Eq()])
print([1] in [[1], 2], (1, 2) in {(1, 2): 0})
def gen():
    yield 1
    print("yielded 1")
    yield 2
    print("yielded 2")
print(1 in gen(), 2 in gen())
