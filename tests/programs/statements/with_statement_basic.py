class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
with CM("a") as x:
    print("body", x)
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p, q)
try:
    with CM("err"):
        raise KeyError("k")
except KeyError:
    print("propagated")
with CM("no-as"):
    pass
class O: pass
o = O()
with CM("attr") as o.value:
    pass
print(o.value)
with CM("tuple") as (first, *rest):
    print(first, rest)
