import modattrs
print(sorted(k for k in vars(modattrs) if k.startswith("__") and k != "__builtins__"))
print(modattrs.__name__, modattrs.__file__.rsplit("/", 1)[-1], modattrs.__cached__ is None or modattrs.__cached__.endswith(".pyc"))
print(type(modattrs).__name__, modattrs.__loader__ is not None, modattrs.__spec__.name)
print(modattrs.__spec__.origin.rsplit("/", 1)[-1], modattrs.__spec__.parent == "")
print(repr(modattrs).startswith("<module 'modattrs' from"))
modattrs.new_attr = 1
print(modattrs.new_attr, "new_attr" in dir(modattrs))
del modattrs.new_attr
try:
    modattrs.new_attr
except AttributeError as e:
    print("AttributeError:", e)
