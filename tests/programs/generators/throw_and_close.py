def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("gen finally")
g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("stopped")
g = gen()
print(next(g))
g.close()
print("closed", g.gi_frame is None)
g.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g = gen()
try:
    g.throw(KeyError("before start"))
except KeyError as e:
    print("KeyError propagated", e)
def unstarted():
    print("never runs")
    yield
u = unstarted()
u.close()
print("closed unstarted")
g = gen()
next(g)
try:
    g.throw(TypeError, TypeError("typed"), None)
except TypeError as e:
    print("TypeError propagated:", e)
