class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=2), callable(a), callable(Adder))
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
try:
    five = 5
    five()
except TypeError as e:
    print("TypeError:", e)
class Meta(type):
    def __call__(cls, *a):
        return ("intercepted", a)
class K(metaclass=Meta): pass
print(K(1, 2))
inst = Adder(1)
inst.__call__ = lambda x: "instance attr ignored"
print(inst(1))
