a = 1
b = [1, 2, 3]
del a
print("a" in globals())
del b[1]
print(b)
def f():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
def g():
    y = 2
    def inner():
        return y
    del y
    try:
        inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(g())
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)
x = [1, 2, 3]
for i in range(len(x) - 1, -1, -1):
    del x[i]
print(x)
