class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin):
    pass
class B(Plugin, name="bee"):
    pass
class C(B):
    pass
print(Plugin.registry, C.plugin_name)
try:
    class D(Plugin, unknown=1, name="d"):
        pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init_subclass__(cls):
        print("init_subclass of", cls.__name__, "called on", cls.__mro__[1].__name__)
class X(Base): pass
class Y(X): pass
