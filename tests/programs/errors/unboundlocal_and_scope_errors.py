x = 1
def a():
    x += 1
try:
    a()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def b():
    print(y)
    y = 2
try:
    b()
except UnboundLocalError as e:
    print(type(e).__name__, e, isinstance(e, NameError))
def c():
    def inner():
        return z
    try:
        return inner()
    finally:
        pass
    z = 1
try:
    c()
except NameError as e:
    print(type(e).__name__, e)
def d():
    del w
    w = 1
try:
    d()
except UnboundLocalError as e:
    print(type(e).__name__, e)
