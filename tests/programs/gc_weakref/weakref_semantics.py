import weakref, _weakref

class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, C) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __call__(self, x): return self.v + x
    def __iter__(self): return iter([self.v, self.v + 1])
    def __getitem__(self, k): return k * 2
    def __len__(self): return 7
    def __bool__(self): return False
    def __neg__(self): return -self.v
    def __lt__(self, o): return self.v < o

a = C(1); b = C(1)
ra = weakref.ref(a); rb = weakref.ref(b)
print(ra == rb, ra != rb, hash(ra) == hash(1), ra is weakref.ref(a))
rc = weakref.ref(a, lambda r: None)
print(rc is ra, rc == ra, weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is ra)
print(ra.__callback__, rc.__callback__ is not None)
print(type(ra).__name__, type(ra) is weakref.ReferenceType, weakref.ref is _weakref.ref)
print(weakref.ReferenceType, weakref.ProxyType, weakref.CallableProxyType)
p = weakref.proxy(a)
print(type(p).__name__, p(10), list(p), p[4], len(p), bool(p), -p, p < 5, p == b)
print(p.v, 3 in p, str(p) == str(a))
try:
    hash(p)
except TypeError as e:
    print(e)
q = weakref.proxy(C)
print(type(q).__name__)
print(weakref.proxy(a) is p, weakref.proxy(a, lambda r: None) is p)
del a
print(ra(), rc(), ra == rb, ra != rb)
try:
    hash(weakref.ref(C(5)))
except TypeError as e:
    print(e)
h = hash(rb)
del b
print(hash(rb) == h)
try:
    p.v
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    p + 1
except ReferenceError as e:
    print("ReferenceError:", e)

class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, extra=None):
        super().__init__(ob, callback)
        self.extra = extra
    def __new__(cls, ob, callback=None, extra=None):
        return super().__new__(cls, ob, callback)
x = C(3)
m = MyRef(x, None, "info")
print(type(m).__name__, m() is x, m.extra, m is not weakref.ref(x))
for bad in [1, "s", (), None, [1]]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)
try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.ref(x, None, 1)
except TypeError as e:
    print(e)
try:
    weakref.ref(x)(1)
except TypeError as e:
    print(e)
d = {"k": weakref.ref(C(9)), "live": weakref.ref(x)}
_weakref._remove_dead_weakref(d, "k")
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
order = []
y = C(4)
r1 = weakref.ref(y, lambda r: order.append(1))
r2 = weakref.ref(y, lambda r: order.append(2))
basic = weakref.ref(y)
px = weakref.proxy(y)
print(weakref.getweakrefs(y) == [basic, px, r2, r1] if False else weakref.getweakrefcount(y))
del y
print(order)
