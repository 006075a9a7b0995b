def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")
it = g()
print(next(it))
del it
print("after del")
def h():
    try:
        yield
    finally:
        print("h cleanup")
for _ in h():
    break
print("after loop break")
def consumer():
    for x in g():
        return x
print(consumer())
