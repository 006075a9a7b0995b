async def agen():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except ValueError as e:
        yield f"caught {e} after {received}"
    finally:
        print("agen finally")
def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = agen()
print(step(g.asend(None)))
print(step(g.asend("x")))
print(step(g.asend("y")))
print(step(g.athrow(ValueError("boom"))))
try:
    step(g.asend(None))
except StopAsyncIteration:
    print("StopAsyncIteration")
g2 = agen()
step(g2.asend(None))
step(g2.aclose())
print("aclosed")
