import sys, types
u = int | str
print(u, type(u), u.__args__, int | None, None | int, (int | None).__args__)
print(u == (str | int), hash(u) == hash(str | int), int | int, int | str | int)
print(isinstance(1, u), isinstance(1.0, u), issubclass(bool, u), isinstance(None, int | None))
try: int | "x"
except TypeError as e: print(e)
print(dict[str, int], dict[str, int].__origin__, dict[str, int].__args__, set[int] | None)
print(dict[str, int] == dict[str, int], frozenset[int], dict[int, set[int]])
print(dict[str, int](a=1), type(dict[int,int])(dict, (int,)))
print(sys.version_info, type(sys.version_info), sys.version_info.major, sys.version_info[:2])
print(type(sys.version_info).n_fields, type(sys.version_info).__name__, sys.version_info > (3, 10))
try: sys.version_info.major = 4
except AttributeError as e: print(e)
try: type(sys.version_info)((1,))
except TypeError as e: print(e)
print(sys.flags.verbose, repr(sys.float_info)[:40])
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns == types.SimpleNamespace(b="x", a=1))
ns.c = 3; del ns.a; print(ns, vars(ns))
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
class N(types.SimpleNamespace): pass
print(N(x=1))
n = types.SimpleNamespace(); n.self = n; print(n)
m = types.MappingProxyType({"a": 1})
print(m, str(m), m["a"], len(m), "a" in m, list(m), m.get("z", 5), m.keys(), m.items(), m.copy(), m == {"a": 1}, m | {"b": 2})
try: m["x"] = 1
except TypeError as e: print(e)
try: m |= {}
except TypeError as e: print(e)
try: types.MappingProxyType([])
except TypeError as e: print(e)
print(type(int.__dict__).__name__, int.__dict__["__add__"])
print(sys.implementation.name == "cpython" or True, repr(types.SimpleNamespace(x=[1])))
print({1: 2}.keys().mapping, type({}.keys().mapping))
