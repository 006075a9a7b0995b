# deque edge cases: negative slot indices, item comparison errors, mutation
# from generators and iterators, subclass copies, iterator pickling, overflow.
from _collections import deque
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
d = deque(range(5), maxlen=5)
t(lambda: d.__getitem__(-1)); t(lambda: d.__setitem__(-1, 'z')); print(d); t(lambda: d.__delitem__(-2)); print(d)
d.rotate(2); print(d); d.insert(1, 'i'); print(d)
t(lambda: deque([1]) < deque(['a']))
t(lambda: deque([1, 2]) < deque([1]))
t(lambda: deque([]) == deque([], maxlen=0))
class E:
    def __eq__(self, o): raise ValueError("eq boom")
t(lambda: deque([E()]).remove(1))
t(lambda: deque([E()]).count(1))
t(lambda: 1 in deque([E()]))
t(lambda: deque([E()]).index(1))
def gen(dq):
    for i in range(3):
        dq.append(i * 10)
        yield i
d = deque(); d.extend(gen(d)); print(d)
d = deque(); d.extendleft(gen(d)); print(d)
t(lambda: deque('abc') * -1)
t(lambda: deque('ab', 3) * 2)
d = deque('abc'); d.__init__(maxlen=2); print(d)
d = deque('abc'); it = iter(d); d.clear()
t(lambda: next(it))
d = deque('abc'); it = iter(d); next(it); d[0] = 'q'; print(next(it))
d = deque('abc'); it = reversed(d); d.append('x'); t(lambda: next(it))
t(lambda: list(deque('xy').__iter__()))
class Sub(deque):
    def __init__(self, it):
        super().__init__(it)
t(lambda: Sub('ab').copy())
t(lambda: Sub('ab') + deque('c'))
s = Sub('ab'); s.append(s); print(s)
t(lambda: deque(range(3)).__reduce__()[3].__length_hint__())
it = iter(deque('abcd')); next(it); print(it.__reduce__()[1][1])
import _collections
t(lambda: list(_collections._deque_iterator(deque('abcd'), 2)))
t(lambda: list(_collections._deque_reverse_iterator(deque('abcd'), 1)))
t(lambda: _collections._deque_iterator([1]))
d = deque([1, 2, 3]); d += d; print(d)
d = deque([1, 2, 3], maxlen=4); d.extendleft(d); print(d)
d = deque(); d.rotate(5); d.reverse(); print(d, d.copy())
t(lambda: deque([1,2]).rotate(2**70))
t(lambda: deque([1,2]).insert(2**70, 1))
t(lambda: deque([1,2])[2**70])
t(lambda: deque(maxlen=2**70))
print(deque([1,2,3]).index(3, -1, 2**70), deque([1,2,3]).index(1, -2**70))
big = deque(range(100000)); big.rotate(12345); print(big[0], big[-1], len(big))
print(sum(1 for _ in deque(range(1000))))
