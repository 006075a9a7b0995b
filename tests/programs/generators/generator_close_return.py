def g():
    try:
        yield 1
    except GeneratorExit:
        print("cleanup on close")
        raise
it = g()
next(it)
print(it.close())
def g2():
    try:
        yield 1
    finally:
        return "swallowed"
it = g2()
next(it)
print(it.close())
def g3():
    yield 1
it = g3()
next(it)
try:
    it.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated from throw")
