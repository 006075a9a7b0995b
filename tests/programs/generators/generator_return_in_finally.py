def g():
    try:
        yield 1
        return "from try"
    finally:
        print("finally runs")
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value)
def g2():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)
print(list(g2()))
