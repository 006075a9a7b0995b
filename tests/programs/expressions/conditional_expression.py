for x in (-1, 0, 1):
    print("neg" if x < 0 else "zero" if x == 0 else "pos")
def side(s):
    print("side", s)
    return s
r = side("A") if side(True) else side("B")
print(r)
r = side("A") if side(False) else side("B")
print(r)
f = lambda n: "even" if n % 2 == 0 else "odd"
print([f(i) for i in range(4)])
print((1 if True else 2) + 10, 1 if False else 2 + 10)
y = [i if i % 2 else -i for i in range(5)]
print(y)
z = [i for i in range(10) if i % 3 == 0]
print(z)
