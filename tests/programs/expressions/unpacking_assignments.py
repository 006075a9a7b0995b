a = b = c = 5
print(a, b, c)
x, y = y, x = 1, 2
print(x, y)
a, b = 1, 2
a, b = b, a
print(a, b)
(a, b), c = "xy", 3
print(a, b, c)
[a, b] = (b, a)
print(a, b)
lst = [0, 1, 2]
i = 0
i, lst[i] = 1, 9
print(i, lst)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
for (k, v) in {"p": 1}.items():
    print(k, v)
s = {}
s["a"], s["b"] = range(2)
print(s)
class O: pass
o = O()
o.x, o.y = "hi"
print(o.x, o.y)
try:
    a, b = 1
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = None
except TypeError as e:
    print("TypeError:", e)
