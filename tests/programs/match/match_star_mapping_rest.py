cfg = {"name": "app", "debug": True, "port": 80}
match cfg:
    case {"name": name, **others}:
        print(name, sorted(others.items()), type(others).__name__)
match {"a": 1}:
    case {"a": 1, **rest}:
        print("rest empty:", rest)
class Weird:
    def keys(self): return ["x"]
    def __getitem__(self, k): return k
match Weird():
    case {"x": v}:
        print("not a mapping type")
    case _:
        print("custom class with keys is not Mapping-registered")
