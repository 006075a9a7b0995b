def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name)
next(it)
print(it.gi_frame.f_lineno > 0)
list(it)
print(it.gi_frame)
def self_ref():
    yield me.gi_running
me = self_ref()
print(next(me))
def reenter():
    yield next(r)
r = reenter()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
print(g.__name__, it.__name__, it.__qualname__)
