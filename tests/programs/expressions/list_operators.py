a = [1, 2, 3]
print(a + [4], a * 2, [0] * 3, a[::-1], a == [1, 2, 3], a < [1, 2, 4], a > [1, 2])
b = a
a += [5]
print(b)
a *= 2
print(b, a is b)
print(3 in a, a.count(3), a.index(5))
print([1, [2, [3, [4]]]])
r = [1]
r.append(r)
print(r)
d = {}
d["self"] = d
print(d)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError:", e)
print([] == [], [] is [], [[]] == [[]])
