print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{0}{0}".format("x"))
print("{name} is {age}".format(name="Bob", age=5), "{0[1]} {1[k]}".format([9, 8], {"k": "v"}))
class P:
    x = 3
    y = [4, 5]
print("{0.x} {0.y[1]}".format(P()), "{p.x}".format(p=P()))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
print("{{}} {{{0}}}".format(7), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
print("{0:*^9} {1:08.3f} {2:,} {3:b}".format("mid", 3.5, 10**6, 10))
print("{} {}".format(*"ab"), "{a}-{b}".format(**{"a": 1, "b": 2}))
print("{0!r:>10}".format("q"), "{:%}".format(0.25), "{:e}".format(0))
print("{}".format(None), "{:}".format(1.5), "{:s}".format("str"))
print("{0}".format_map({}) if False else "{x}".format_map({"x": "mapped"}))
class Default(dict):
    def __missing__(self, k): return "<" + k + ">"
print("{a} {b}".format_map(Default(a=1)))
for fmt, args, kw in [("{}", (), {}), ("{0} {}", (1, 2), {}), ("{x}", (), {}), ("{0[5]}", ([1],), {}),
                      ("{:d}", ("s",), {}), ("{", (), {}), ("}", (), {}), ("{0.nope}", (1,), {}), ("{!x}", (1,), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
