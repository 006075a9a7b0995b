class Future:
    def __init__(self):
        self.result = None
        self.done = False
    def set(self, v):
        self.result = v
        self.done = True
    def __await__(self):
        while not self.done:
            yield self
        return self.result
async def compute(f1, f2):
    a = await f1
    b = await f2
    return a * b
f1, f2 = Future(), Future()
c = compute(f1, f2)
pending = c.send(None)
print(pending is f1)
f1.set(6)
pending = c.send(None)
print(pending is f2)
f2.set(7)
try:
    c.send(None)
except StopIteration as e:
    print("product", e.value)
