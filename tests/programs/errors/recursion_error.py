import sys
def recurse(n):
    return recurse(n + 1)
try:
    recurse(0)
except RecursionError as e:
    print("RecursionError:", e)
def depth_reached():
    count = 0
    def inner():
        nonlocal count
        count += 1
        inner()
    try:
        inner()
    except RecursionError:
        pass
    return count
d = depth_reached()
print(900 < d < 1000)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError in repr")
class G:
    def __getattr__(self, name):
        return self.missing
try:
    G().x
except RecursionError:
    print("RecursionError in __getattr__")
print("recovered, recursion works again:", recurse.__name__)
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(800))
