class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n)
with CM(1) as a, CM(2) as b, CM(3) as c:
    print("body", a, b, c)
with CM(1):
    with CM(2):
        print("nested body")
class FailEnter:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with CM("outer"), FailEnter():
        print("not reached")
except ValueError as e:
    print("caught", e)
