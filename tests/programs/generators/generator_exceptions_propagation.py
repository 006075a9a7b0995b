def bad():
    yield 1
    raise ValueError("inside gen")
it = bad()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("caught", e)
try:
    next(it)
except StopIteration:
    print("exhausted after error")
def catch_in_loop():
    for i in range(3):
        try:
            yield i
        except KeyError:
            print("KeyError at", i)
c = catch_in_loop()
print(next(c), c.throw(KeyError), c.throw(KeyError))
try:
    c.throw(KeyError)
except StopIteration:
    print("stop after last")
def ctx():
    try:
        raise TypeError("t")
    except TypeError:
        yield "in except"
        yield str(__import__("sys").exc_info()[0].__name__)
print(list(ctx()))
