def f():
    return undefined_name_1
def g():
    print(x_local)
    x_local = 1
cases = [f, g, lambda: [][0], lambda: [1, 2][5], lambda: [1][-2], lambda: ()[0], lambda: "ab"[2],
         lambda: b"ab"[2], lambda: bytearray(1)[1], lambda: range(3)[3], lambda: [].pop(), lambda: [1].pop(5),
         lambda: {}["k"], lambda: {1: 2}[2], lambda: {}[("t",)], lambda: {}[None], lambda: set().pop(),
         lambda: {}.popitem(), lambda: memoryview(b"a")[1], lambda: [].insert(0, 1) or [][-1]]
for c in cases:
    try:
        c()
        print("no error?!")
    except (NameError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
def outer():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
outer()
try:
    del nonexistent
except NameError as e:
    print(type(e).__name__, e)
class C:
    try:
        print(undefined_in_class)
    except NameError as e:
        print(type(e).__name__, e)
