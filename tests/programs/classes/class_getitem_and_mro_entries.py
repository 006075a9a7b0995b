class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], Box[1, 2] if False else Box[3])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
print(list[int](), list[int] == list[int], list[int].__origin__, list[int].__args__)
class Fake:
    def __mro_entries__(self, bases):
        print("mro_entries called with", len(bases), "bases")
        return (Real,)
class Real:
    hello = "from Real"
class Derived(Fake()):
    pass
print(Derived.__bases__, Derived.hello, Derived.__orig_bases__[0].__class__.__name__)
class G(list[int]):
    pass
print(G.__bases__, G([1, 2]))
try:
    int[5]
except TypeError as e:
    print("TypeError:", e)
