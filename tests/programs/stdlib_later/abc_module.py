from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def run(self): ...
try:
    Base()
except TypeError as e:
    print("TypeError:", e)
class Impl(Base):
    def run(self): return "ran"
print(Impl().run(), isinstance(Impl(), Base))
from collections.abc import Sequence, Mapping, Iterable
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance((x for x in []), Iterable), issubclass(str, Sequence))
