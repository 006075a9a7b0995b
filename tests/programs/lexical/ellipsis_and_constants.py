print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
print(None, True, False, type(None).__name__)
print(True + True, True * 10, False - 1)
print(repr(NotImplemented), type(NotImplemented).__name__)
x = [1, 2, 3]
print(x[...] if False else "no ellipsis index on list")
class S:
    def __getitem__(self, k):
        return k
s = S()
print(s[...], s[1:2, ...], s[::2], s[1, 2], s[:, None])
def stub(): ...
print(stub())
print(__debug__)
