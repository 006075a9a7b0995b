import pkg
print(pkg.__name__, pkg.__package__, pkg.__file__.rsplit("/", 2)[-2:], pkg.init_value)
print(type(pkg.__path__).__name__, len(pkg.__path__))
import pkg.sub
print(pkg.sub.NAME, pkg.sub.__name__, pkg.sub.__package__)
from pkg import sub as s2
print(s2 is pkg.sub)
from pkg.sub import NAME
print(NAME)
import pkg.nested.deep
print(pkg.nested.deep.where(), pkg.nested.__name__)
print(sorted(k for k in __import__("sys").modules if k.startswith("pkg")))
