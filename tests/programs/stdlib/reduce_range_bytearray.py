# __reduce__ / __reduce_ex__ of range and bytearray, as copy and pickle use them.
import copy
print(range(3).__reduce__(), range(1, 10, 3).__reduce__(), range(-5, 5**30).__reduce__())
print(bytearray(b'a\xff').__reduce_ex__(2), bytearray(b'a').__reduce_ex__(4), bytearray(b'a').__reduce__())
print(bytearray(b'a').__reduce_ex__(0), bytearray(b'a').__reduce_ex__())
class B(bytearray): pass
b = B(b'q'); b.tag = 1
print(b.__reduce_ex__(4)[1:], b.__reduce__()[1:])
print(copy.deepcopy(bytearray(b'x')), copy.copy(range(3)), copy.deepcopy([range(1, 5, 2)]))
c = copy.deepcopy(b); print(type(c).__name__, c, c.tag)
