print(len(""), len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"ab"), len(bytearray(3)))
print(len(frozenset()), len({}.keys()), len(memoryview(b"abcd")), len("日本語"), len("\U0001F600"))
for bad in [5, None, iter([]), (x for x in [])]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
class L:
    def __len__(self): return 7
print(len(L()))
