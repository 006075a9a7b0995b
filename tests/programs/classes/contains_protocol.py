class AllContainer:
    def __contains__(self, item):
        print("contains", item)
        return item != "no"
c = AllContainer()
print(1 in c, "no" in c, "no" not in c)
class Truthy:
    def __contains__(self, item):
        return [1]
print(5 in Truthy())
class ByIter:
    def __iter__(self):
        print("iterating")
        yield from [1, 2, 3]
print(2 in ByIter())
class ByGetitem:
    def __getitem__(self, i):
        if i > 5: raise IndexError
        return i
print(3 in ByGetitem(), 9 in ByGetitem())
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
