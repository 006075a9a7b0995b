class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        value = yield self.tag
        return f"resumed {self.tag} with {value}"
async def worker():
    r1 = await Suspend("first")
    print(r1)
    r2 = await Suspend("second")
    print(r2)
    return "worker done"
co = worker()
print("yielded:", co.send(None))
print("yielded:", co.send("A"))
try:
    co.send("B")
except StopIteration as e:
    print("result:", e.value)
