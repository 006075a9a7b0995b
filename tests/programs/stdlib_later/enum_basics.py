from enum import Enum, IntEnum, Flag, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color))
class N(IntEnum):
    ONE = 1
print(N.ONE + 1, N.ONE == 1)
class Perm(Flag):
    R = auto()
    W = auto()
print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.W))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
