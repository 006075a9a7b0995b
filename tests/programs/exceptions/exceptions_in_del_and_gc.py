class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    d = D("local")
    raise ValueError("x")
try:
    f()
except ValueError as e:
    print("caught; frame kept alive via traceback?")
    err = e
del err
print("after del err")
x = D("global")
x = None
print("after rebinding")
