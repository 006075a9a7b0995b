def f():
    y = 10
    return [x + y for x in range(3)]
print(f())
class A:
    y = 5
    try:
        r = [x + y for x in range(2)]
    except NameError as e:
        r = "NameError: " + str(e)
    z = [y for _ in range(1)] if False else None
print(A.r)
class B:
    y = 5
    r = [x for x in range(y)]
print(B.r)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs])
i = "kept"
[i for i in range(3)]
print(i)
print([(lambda: v)() for v in "xy"])
def g():
    return [n for n in range(3) if (m := n) > 0], m
print(g())
