x = [1]
y = x
x += [2]
print(x, y, x is y)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = "a"
s *= 3
print(s)
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
a = Acc()
b = a
a += 5
print(a.v, a is b)
class NoI:
    def __init__(self, v): self.v = v
    def __add__(self, o): return NoI(self.v + o)
n = NoI(1)
m = n
n += 1
print(n.v, m.v, n is m)
d = {"k": 1}
d["k"] += 10
print(d)
obj = type("O", (), {})()
obj.attr = 2
obj.attr **= 10
print(obj.attr)
lst = [1, 2, 3]
lst[1:] += [4]
print(lst)
def idx():
    print("idx evaluated")
    return 0
arr = [5]
arr[idx()] += 1
print(arr)
