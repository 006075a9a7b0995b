def f(a, b=0, *args, c=1, **kw):
    return a, b, args, c, sorted(kw.items())
d1 = {"a": 1, "b": 2}
print(f(**d1))
print(f(1, **{"c": 5, "z": 9}))
print(f(*[1, 2, 3], **{"c": 3}, x=1))
print(f(**{"a": 1}, **{"b": 2}, **{"y": 3}))
print({**d1, "c": 3}, {"a": 0, **d1}, {**d1, "a": 0})
print({**{}, **{1: 2}})
class M:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
print({**M()})
print(dict(**d1, z=26))
try:
    f(**d1, a=5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
print(f(1, *(), **{}))
