from typing import List, Dict, Optional, Union, Any, TypeVar, Generic, NamedTuple
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int](3).v, List[int], Optional[str], Union[int, str])
class NT(NamedTuple):
    a: int
    b: str = "x"
print(NT(1), NT(1)._fields, NT.__annotations__)
def f(x: Dict[str, Any]) -> Optional[int]: ...
print(f.__annotations__)
