vals = [1, -1.5, 1e100, "s", "it's", 'q"', b"b", bytearray(b"ba"), [1, "a"], (1,), (), {1: "x"}, set(), {1},
        frozenset(), frozenset({2}), None, True, ..., NotImplemented, range(3), slice(1, 2), 1j, int, len, type]
for v in vals:
    print(repr(v))
class R:
    def __repr__(self): return "R!"
print(repr([R(), (R(),)]), repr({R(): 1}) if False else "")
