class Suspend:
    def __await__(self):
        return (yield "suspended")
async def worker():
    try:
        v = await Suspend()
        return v
    except ValueError as e:
        print("worker caught", e)
        return "recovered"
    finally:
        print("worker finally")
c = worker()
print(c.send(None))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("result", e.value)
c2 = worker()
c2.send(None)
c2.close()
print("closed")
async def simple():
    return 1
c3 = simple()
c3.close()
try:
    c3.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
