s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(None)), slice(5), slice(1, 2))
print(s.indices(5), s.indices(100), slice(None, None, -1).indices(3), slice(-100, 100).indices(4))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    hash(slice(1, 2))
    print("hashable")
except TypeError as e:
    print("TypeError:", e)
try:
    slice(1, 2, 0).indices(3)
except ValueError as e:
    print("ValueError:", e)
try:
    slice()
except TypeError as e:
    print("TypeError:", e)
data = list(range(10))
print(data[slice(2, 5)], data[slice(None, None, 3)], "abcdef"[slice(-2, None)])
class Idx:
    def __getitem__(self, k): return k
print(Idx()[1:2:3], Idx()[:], Idx()[::], Idx()[1:2, 3])
print(slice("a", "b", "c"), slice("a", "b").start)
