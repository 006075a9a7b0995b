# sys attributes Lib modules use at import time, and the asyncgen hooks.
import sys, gc
print(repr(sys.abiflags), repr(sys._framework))
print(sys.getdlopenflags())
sys.setdlopenflags(258); print(sys.getdlopenflags()); sys.setdlopenflags(2)
print(sys.call_tracing(lambda a, b: a + b, (1, 2)))
try:
    sys.call_tracing(print, [1])
except TypeError as e:
    print("TypeError:", e)
print(sys._clear_type_cache())
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(3)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)
print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks()
print(h.firstiter, h.finalizer, len(h), type(h).__name__)
for kw in [dict(firstiter=1), dict(finalizer="x"), dict(firstiter=1, finalizer=2)]:
    try:
        sys.set_asyncgen_hooks(**kw)
    except TypeError as e:
        print("TypeError:", e)
events = []
def first(g):
    events.append(("firstiter", g.__name__))
def fin(g):
    events.append(("finalizer", g.__name__))
sys.set_asyncgen_hooks(first, finalizer=fin)
print(sys.get_asyncgen_hooks().firstiter is first, sys.get_asyncgen_hooks().finalizer is fin)
async def agen():
    try:
        yield 1
        yield 2
    finally:
        events.append("finally")
def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = agen()
print(step(g.__anext__()))
print(events)
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is fin)
del g
gc.collect()
print(events)
sys.set_asyncgen_hooks(None, None)
g2 = agen()
print(step(g2.asend(None)))
del g2
gc.collect()
print(sys.get_asyncgen_hooks())
