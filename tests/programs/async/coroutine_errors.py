async def f():
    return 1
c = f()
try:
    next(c)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(c)
except TypeError as e:
    print("TypeError:", e)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def awaits_bad():
    await 5
c = awaits_bad()
try:
    c.send(None)
except TypeError as e:
    print("TypeError:", e)
class BadAwait:
    def __await__(self):
        return 5
async def awaits_bad2():
    await BadAwait()
try:
    awaits_bad2().send(None)
except TypeError as e:
    print("TypeError:", e)
for src in ["await x", "def f():\n    await x", "async def f():\n    yield from x"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
