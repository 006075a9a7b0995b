async def coro_fn():
    return 3
print(type(coro_fn).__name__)
c = coro_fn()
print(c.__name__, c.__qualname__, c.cr_running, c.cr_await)
print(c.cr_frame is not None, c.cr_code is coro_fn.__code__)
print(coro_fn.__code__.co_flags & 0x80 != 0)
try:
    c.send(None)
except StopIteration as e:
    print(e.value, c.cr_frame)
async def agen():
    yield 1
print(type(agen()).__name__, agen.__code__.co_flags & 0x200 != 0)
g = agen()
print(g.ag_running, g.__name__)
class Awaitable:
    def __await__(self):
        yield "x"
async def awaiting():
    await Awaitable()
a = awaiting()
a.send(None)
print(type(a.cr_await).__name__)
a.close()
