class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    total = 0
    async for v in ARange(4):
        total += v
    else:
        print("async for else")
    return total
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def bad():
    async for x in [1, 2]:
        pass
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)
