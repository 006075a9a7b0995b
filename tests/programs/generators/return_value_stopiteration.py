def g():
    yield 1
    return "value"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def g2():
    return (1, 2)
    yield
try:
    next(g2())
except StopIteration as e:
    print(e.value, e.args)
def g3():
    return None
    yield
try:
    next(g3())
except StopIteration as e:
    print(e.value, e.args)
def g4():
    raise StopIteration("inside")
    yield
try:
    next(g4())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)
def g5():
    yield 1
    return StopIteration("returned exc")
x = g5(); next(x)
try:
    next(x)
except StopIteration as e:
    print(type(e.value).__name__, e.value)
