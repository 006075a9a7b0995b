def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows exception"
print(g())
def h():
    x = 1
    try:
        return x
    finally:
        x = 2
print(h())
def k():
    for i in range(3):
        try:
            continue
        finally:
            print("continue finally", i)
k()
def nested():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested())
def raise_in_finally():
    try:
        raise KeyError("a")
    finally:
        raise ValueError("b")
try:
    raise_in_finally()
except ValueError as e:
    print(repr(e), repr(e.__context__))
