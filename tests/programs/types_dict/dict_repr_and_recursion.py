d = {"s": "str", 1: [1, 2], (1,): {"n": None}, 2.5: b"b"}
print(d, repr(d), str(d))
d["self"] = d
print(d)
print({}, {"": ""}, {"quote": "it's"}, {'dq': '"'})
class K:
    def __repr__(self): return "K()"
print({K(): K()} if False else {1: K()})
print(len(str({i: i for i in range(100)})))
