try:
    raise ValueError("x")
except ValueError as e:
    saved = e
print("e" in dir(), repr(saved))
e = "preexisting"
try:
    raise KeyError
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    err = None
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        return err
    except UnboundLocalError as ex:
        return "UnboundLocalError"
print(f())
