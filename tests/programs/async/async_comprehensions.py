async def agen(n):
    for i in range(n):
        yield i
class Val:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield
        return self.v
async def main():
    a = [x async for x in agen(4)]
    b = {x: x * 2 async for x in agen(3)}
    c = {x % 2 async for x in agen(5)}
    d = [await Val(i) for i in range(3)]
    return a, b, sorted(c), d
co = main()
n = 0
while True:
    try:
        co.send(None)
        n += 1
    except StopIteration as e:
        print(e.value, "suspensions:", n)
        break
