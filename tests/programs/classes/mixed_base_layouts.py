# A class whose solid base is var-sized (int, tuple, bytes) mixed with a plain
# Python class: layout offsets (dict, weaklist) come from the solid base only.
import gc
import weakref


class Plain:
    def hello(self):
        return "hello from " + type(self).__name__


class IntMix(int, Plain):
    pass


class TupleMix(tuple, Plain):
    pass


class BytesMix(bytes, Plain):
    pass


class Slotted:
    __slots__ = ("a", "__weakref__")


class Both(Plain, Slotted):
    pass


for cls, arg in [(IntMix, 5), (TupleMix, (1, 2)), (BytesMix, b"xy")]:
    o = cls(arg)
    o.extra = [o]  # a cycle through the instance dict
    print(cls.__name__, o.hello(), o.extra[0] is o, hasattr(cls, "__weakref__"))
    try:
        weakref.ref(o)
        print("  weakref ok")
    except TypeError as e:
        print("  TypeError:", e)
    del o
    print("  collected", gc.collect() >= 0)

b = Both()
b.a = 1
b.z = 2
r = weakref.ref(b)
print(b.hello(), b.a, b.z, r() is b)
del b
gc.collect()
print(r())
