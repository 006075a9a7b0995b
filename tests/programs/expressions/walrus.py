data = [1, 5, 8, 12, 3]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
vals = iter([3, 2, 1, 0, 5])
while (v := next(vals)) != 0:
    print("v", v)
def f():
    [z := i for i in range(3)]
    return z
print(f())
print((a := 10) + a)
total = 0
print([total := total + i for i in range(5)], total)
g = (w := 4, w * 2)
print(g)
def scope():
    if any((hit := c) == "x" for c in "abxd"):
        return hit
print(scope())
print(f"{(q := 3)} {q}")
for src in ["x := 1", "(lambda: (y := 1))()", "[i := 0 for i in range(3)]", "def f(a=(b:=1)): pass"]:
    try:
        exec(src, {})
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg)
