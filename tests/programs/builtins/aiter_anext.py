class AIt:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
async def main():
    it = aiter(AIt())
    a = await anext(it)
    b = await anext(it)
    c = await anext(it, "default")
    return a, b, c
print(run(main()))
try:
    aiter([1])
except TypeError as e:
    print("TypeError:", e)
try:
    anext(iter([1]))
except TypeError as e:
    print("TypeError:", e)
