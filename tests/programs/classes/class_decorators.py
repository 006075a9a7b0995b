def add_repr(cls):
    def __repr__(self):
        return f"<{cls.__name__} {sorted(vars(self).items())}>"
    cls.__repr__ = __repr__
    return cls
def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco
REG = {}
@register(REG)
@add_repr
class Thing:
    def __init__(self):
        self.a = 1
print(Thing(), sorted(REG))
def replace(cls):
    return "replaced"
@replace
class Gone: pass
print(Gone)
def singleton(cls):
    inst = cls()
    return lambda: inst
@singleton
class Only: pass
print(Only() is Only())
