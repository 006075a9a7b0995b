x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x
print(f())
def g():
    if False:
        y = 1
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(g())
def h():
    print(x)
h()
def k():
    global x
    x += 1
    return x
print(k())
