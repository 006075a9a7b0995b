class Grid:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print("get", key)
        key = repr(key)
        return self.data.get(key, 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        key = repr(key)
        self.data[key] = value
    def __delitem__(self, key):
        print("del", key)
        key = repr(key)
        del self.data[key]
    def __len__(self):
        return len(self.data)
g = Grid()
g[1, 2] = "a"
g[0:3] = "slice"
print(g[1, 2], g[5])
g[1, 2] += "b"
del g[1, 2]
print(len(g), g[::2])
class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2
d = Default(a=1)
print(d["a"], d["bb"], d.get("cc", "get doesn't use missing"), "bb" in d)
class NoSet:
    def __getitem__(self, k): return k
try:
    NoSet()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del NoSet()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
