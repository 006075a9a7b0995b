class Outer:
    """Outer doc."""
    class Inner:
        class Deep:
            def method(self): pass
    def m(self):
        class Local:
            pass
        return Local
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__)
print(Outer.Inner.Deep.method.__qualname__, Outer().m().__qualname__)
print(Outer.__module__, Outer.__doc__, Outer.Inner.__doc__)
print(int.__module__, int.__qualname__, len.__module__ if hasattr(len, "__module__") else "?")
Outer.__qualname__ = "Renamed"
print(Outer.__qualname__, Outer.__name__)
try:
    Outer.__qualname__ = 5
except TypeError as e:
    print("TypeError:", e)
Outer.__name__ = "NewName"
print(Outer.__name__)
print(repr(Outer).endswith("Renamed'>"))
