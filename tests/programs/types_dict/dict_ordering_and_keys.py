d = {}
for key in ["z", "a", "m", "b"]:
    d[key] = len(d)
print(list(d), d)
d["a"] = 100
print(list(d))
del d["z"]
d["z"] = -1
print(list(d))
mixed = {1: "int", 1.0: "float overwrites", True: "bool overwrites"}
print(mixed)
print({(1, 2): "tuple", frozenset({1}): "fs", None: "none", 2.5: "f", b"b": "bytes"}[(1, 2)])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    d[{}]
except TypeError as e:
    print("TypeError:", e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}[(1, 2)]
except KeyError as e:
    print("KeyError:", e)
nan = float("nan")
dn = {nan: 1}
print(dn[nan], nan in dn, float("nan") in dn)
print({1: 1} == {1: 1.0}, {1: 1, 2: 2} == {2: 2, 1: 1}, list({2: 0, 1: 0}) == [2, 1])
