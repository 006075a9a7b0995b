a = list(range(10))
a[2:5] = []
print(a)
a[1:1] = ["x", "y"]
print(a)
a[::2] = "ABCDE"[:len(a[::2])]
print(a)
a[-2:] = [99]
print(a)
b = [1, 2, 3]
b[5:] = [6]
print(b)
b[:] = (7, 8)
print(b)
c = list(range(6))
del c[::-2]
print(c)
c[0:1] = range(3)
print(c)
try:
    c[::2] = [1, 2, 3, 4, 5, 6]
except ValueError as e:
    print("ValueError:", e)
try:
    c[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
d = [1, 2, 3]
d[1:2] = d
print(d)
e = [0, 1, 2, 3]
e[3:0:-1] = ["a", "b", "c"]
print(e)
try:
    e[10] = 1
except IndexError as err:
    print("IndexError:", err)
try:
    del e[10]
except IndexError as err:
    print("IndexError:", err)
