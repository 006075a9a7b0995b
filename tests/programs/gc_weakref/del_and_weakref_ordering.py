import weakref
class D:
    def __del__(self):
        print("__del__ runs")
d = D()
r = weakref.ref(d, lambda ref: print("weakref callback runs"))
del d
print("after del")
def scope():
    x = D()
    return weakref.ref(x)
ref = scope()
print(ref())
