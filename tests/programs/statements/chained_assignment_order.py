class T:
    def __setitem__(self, k, v):
        print("set", k, v)
t = T()
t[1] = t[2] = "v"
a = b = []
a.append(1)
print(b)
x = [0, 0]
i = 0
i = x[i] = 1
print(i, x)
def val():
    print("value computed once")
    return 7
p = q = r = val()
print(p, q, r)
