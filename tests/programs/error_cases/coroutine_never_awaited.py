# A coroutine collected without ever being awaited warns (RuntimeWarning,
# with warnings.py's tracemalloc hint); one that was closed or run does not.
async def f():
    return 1


print("start")
f()
c = f()
del c
d = f()
d.close()
del d
e = f()
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
del e
def g():
    f()
g()
for i in range(3):
    f()
print("end")
