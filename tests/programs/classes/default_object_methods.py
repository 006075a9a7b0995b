class C: pass
c = C()
print(c == c, c != c, c == C(), c.__eq__(1), c.__ne__(c))
print(c.__lt__(c), object.__hash__(c) == hash(c))
print(type(c.__repr__()).__name__, c.__str__() == c.__repr__())
print(c.__format__("") == str(c), format(c, "") == repr(c))
print(sorted(x for x in dir(c) if x.startswith("__") and x in object.__dict__) == sorted(k for k in object.__dict__ if k in dir(c)))
print(C.__init__ is object.__init__, C.__new__ is object.__new__)
print(object.__doc__[:20])
print(c.__sizeof__() > 0, C.__subclasses__(), object.__subclasses__().__class__.__name__)
class D(C): pass
print(C.__subclasses__())
print(c.__reduce_ex__(2)[0].__name__ if hasattr(c, "__reduce_ex__") else "skip")
print(c.__getstate__() if hasattr(c, "__getstate__") else "no getstate")
