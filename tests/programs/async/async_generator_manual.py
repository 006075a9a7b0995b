async def agen(n):
    for i in range(n):
        yield i * i
def drive(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("unexpected suspension")
g = agen(3)
print(type(g).__name__)
results = []
while True:
    try:
        results.append(drive(g.__anext__()))
    except StopAsyncIteration:
        break
print(results)
async def collect():
    out = []
    async for v in agen(4):
        out.append(v)
    return out
print(drive(collect()))
async def comp():
    return [v async for v in agen(5) if v % 2 == 0]
print(drive(comp()))
