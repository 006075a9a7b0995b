# _thread with one thread: locks, RLocks, identity, _local, stack_size,
# and the argument errors of CPython's _thread.
import _thread

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

l = _thread.allocate_lock()
print(type(l).__name__, l.locked(), l.acquire(), l.locked())
print(l.acquire(False), l.acquire(blocking=False), l.acquire(timeout=0), l.acquire(True, 0.01))
l.release(); print(l.locked())
t(lambda: l.release())
with l:
    print("in with", l.locked())
print(l.locked(), l.acquire_lock(), l.locked_lock(), l.release_lock(), l.locked())
t(lambda: l.acquire(False, 1))
t(lambda: l.acquire(True, -2))
t(lambda: l.acquire(True, 1e20))
t(lambda: l.acquire(timeout='a'))
t(lambda: l.acquire(1, 2, 3))
t(lambda: l.acquire(foo=1))
t(lambda: l.acquire(timeout=float("nan")))
print(l.acquire(timeout=-1), l.acquire(blocking=False))
l.release()
t(lambda: _thread.allocate_lock(1))
print(type(_thread.allocate_lock()) is _thread.LockType, type(_thread._set_sentinel()) is _thread.LockType)

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned())
st = r._release_save(); print(st[0], st[1] == _thread.get_ident(), r._is_owned(), r._recursion_count())
t(lambda: r._release_save())
r._acquire_restore(st); print(r._recursion_count())
r.release(); r.release(); print(r._is_owned())
t(lambda: r.release())
with r:
    with r:
        print("nested", r._recursion_count())
print(r._recursion_count(), r.acquire(False), r.acquire(timeout=0.5))
r.release(); r.release()
t(lambda: r.acquire(False, 1))
print(type(_thread.RLock(1, x=2)).__name__)
class R(_thread.RLock):
    pass
print(R().acquire())

print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX, _thread._count())
print(isinstance(_thread.get_ident(), int), _thread.get_ident() == _thread.get_ident())
print(isinstance(_thread.get_native_id(), int))
print(_thread.stack_size(), _thread.stack_size(40000), _thread.stack_size(), _thread.stack_size(0))
t(lambda: _thread.stack_size(100))
t(lambda: _thread.stack_size(-1))
t(lambda: _thread.start_new_thread(1, ()))
t(lambda: _thread.start_new_thread(print, 1))
t(lambda: _thread.start_new_thread(print, (), 1))
try:
    _thread.exit()
except SystemExit as e:
    print("SystemExit", e.args)

loc = _thread._local()
loc.x = 1; loc.y = [2]
print(loc.x, loc.y, sorted(loc.__dict__))
del loc.x
t(lambda: loc.x)
t(lambda: _thread._local(1))
class L(_thread._local):
    def __init__(self, v):
        self.v = v
print(L(5).v)

a = _thread._ExceptHookArgs((ValueError, ValueError("boom"), None, None))
print(a.exc_type, a.exc_value, a.thread)
class FakeThread:
    name = "worker-1"
import sys
class Cap:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
cap = Cap()
old = sys.stderr
sys.stderr = cap
try:
    raise KeyError("k")
except KeyError as e:
    _thread._excepthook(_thread._ExceptHookArgs((KeyError, e, e.__traceback__, FakeThread())))
_thread._excepthook(_thread._ExceptHookArgs((SystemExit, SystemExit(), None, None)))
sys.stderr = old
text = "".join(cap.parts)
print(text.splitlines()[0], text.splitlines()[-1])
t(lambda: _thread._excepthook((1, 2, 3, 4)))
for f in (lambda: _thread.allocate_lock().release(1), lambda: _thread.RLock().release(1), lambda: _thread.allocate_lock().__exit__(1,2,3), lambda: _thread.RLock().__exit__(1,2,3), lambda: _thread.allocate_lock().locked(1), lambda: _thread.get_ident(1), lambda: _thread._count(1)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
