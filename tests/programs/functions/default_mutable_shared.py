def append_to(item, target=[]):
    target.append(item)
    return target
a = append_to(1)
b = append_to(2)
print(a, b, a is b)
def dict_default(key, d={}):
    d[key] = len(d)
    return d
print(dict_default("x"), dict_default("y"))
print(append_to.__defaults__)
def kw_default(*, d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
print(kw_default(), kw_default(), kw_default(d={}))
