class ACM:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name + "!"
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError
async def main():
    async with ACM("one") as v:
        print("inside", v)
    async with ACM("two") as a, ACM("three") as b:
        print("inside", a, b)
    async with ACM("suppress"):
        raise KeyError("swallowed")
    print("after suppress")
    try:
        async with ACM("nosuppress"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "ok"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
