# SyntaxWarnings of the compiler, shown by the default filters (with the
# source line); the DeprecationWarning for an invalid escape is not, since
# this module is not named __main__ when compiled.
x = 1
y = [0, 1]
if x is 1:
    print("is literal")
if x is not "a":
    print("is not literal")
print(x is None, x is ..., y[0] is True)
try:
    assert (x, "always true")
except AssertionError:
    print("not reached")
try:
    (1, 2)(3)
except TypeError as e:
    print("TypeError", e)
try:
    print([1][1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    print({1, 2}[0])
except TypeError as e:
    print("TypeError", e)
s = "\d"
print(s)
def f():
    return x is ()
print(f())
