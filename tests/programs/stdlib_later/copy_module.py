import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
print(s[1], d[1], s is not a, d[2] is not a[2])
class C:
    def __init__(self): self.items = [1]
    def __copy__(self):
        n = C(); n.items = ["copied"]; return n
print(copy.copy(C()).items, copy.deepcopy(C()).items)
r = []
r.append(r)
print(copy.deepcopy(r)[0] is not r)
