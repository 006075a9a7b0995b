import pkgb
print(hasattr(pkgb, "child"))
import pkgb.child
print(hasattr(pkgb, "child"), pkgb.child.VALUE)
from pkgb import other
print(other.VALUE, pkgb.other is other)
print(pkgb.from_init)
