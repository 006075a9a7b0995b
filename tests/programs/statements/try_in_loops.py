for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("try", i)
    finally:
        print("finally", i)
def f():
    for i in range(3):
        try:
            return i
        finally:
            print("finally in f", i)
print(f())
def g():
    for i in range(3):
        try:
            pass
        finally:
            if i == 1:
                break
    return i
print(g())
def h():
    try:
        return "try"
    finally:
        return "finally wins"
print(h())
def k():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            continue
        finally:
            print("k finally", i)
    return "done"
print(k())
