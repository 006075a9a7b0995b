# Names, modules, descriptors and dir() of the _collections, _struct, _thread types.
from _collections import deque, defaultdict, _deque_iterator, _tuplegetter
import _struct, _thread, _string
print(deque.__hash__, defaultdict.__hash__, deque.__module__, defaultdict.__module__, _deque_iterator.__module__)
print(repr(deque.append), deque.__name__, deque.__qualname__, defaultdict.__mro__)
print(_struct.Struct.__module__, _struct.Struct.__name__, _thread.RLock.__module__, _thread.LockType.__name__)
print(sorted(k for k in dir(deque) if not k.startswith('__')))
print(sorted(k for k in dir(defaultdict) if k not in dir(dict)))
print(sorted(k for k in dir(_struct) if not k.startswith('__')))
print(sorted(k for k in dir(_struct.Struct) if not k.startswith('__')))
print(sorted(k for k in dir(_thread.LockType) if not k.startswith('__')), sorted(k for k in dir(_thread.RLock) if not k.startswith('__')))
print(_thread._local.__module__, type(_thread._local()).__name__)
print(deque.__iadd__, deque.__contains__, deque.__bool__ if hasattr(deque, '__bool__') else 'nobool', hasattr(deque, "__getitem__"), hasattr(deque, "__len__"))
print(issubclass(defaultdict, dict), defaultdict.default_factory)
print([deque() for _ in range(2)] == [deque(), deque()])
d = deque(range(3)); print(d.__reduce_ex__(2)[:3])
print(type(d).__reversed__, deque.__copy__)
try:
    deque.append([], 1)
except TypeError as e:
    print(e)
