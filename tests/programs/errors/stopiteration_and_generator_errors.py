def g():
    yield 1
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e)
def running():
    yield gen_ref.send(None)
gen_ref = running()
try:
    next(gen_ref)
except ValueError as e:
    print(type(e).__name__, e)
def ignored():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignored()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    g().throw(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g().send(1)
except TypeError as e:
    print(type(e).__name__, e)
