# types.MethodType(function, instance) and its argument errors.
import types


class C:
    x = 10


def f(self, y=1):
    return self.x + y


m = types.MethodType(f, C())
print(m(), m(5), m.__func__ is f, type(m.__self__).__name__)
bm = types.MethodType(len, [1, 2, 3])
print(bm())
for args, kwargs in [((len,), {}), ((1, 2), {}), ((len, None), {}), ((len, 1, 2), {}), ((), {"func": len, "instance": 1})]:
    try:
        types.MethodType(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
