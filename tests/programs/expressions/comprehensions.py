print([x * x for x in range(5)])
print([x for x in range(10) if x % 2 if x > 3])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print({x: x ** 2 for x in range(4)})
print(sorted({x % 3 for x in range(10)}))
print(list(x + 1 for x in range(3)))
print(sum(x for x in range(101)))
x = "outer"
print([x for x in "ab"], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([c for word in ["hi", "yo"] for c in word])
print({k: v for k, v in zip("abc", range(3)) if v})
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * k for v in vals for k in vals]
        print("nested ok")
    except NameError as e:
        print("NameError", e)
print(C.doubled)
print([i for i in range(3) for i in "ab"])
g = (i for i in range(3))
print(next(g), list(g), list(g))
