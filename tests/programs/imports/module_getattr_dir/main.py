import lazyattrs
print(lazyattrs.real)
print(lazyattrs.computed_thing)
try:
    lazyattrs.forbidden
except AttributeError as e:
    print("AttributeError:", e)
print(dir(lazyattrs))
from lazyattrs import dynamic_name
print(dynamic_name)
