def f(a, b):
    return a, b
cases = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, a=1),
    lambda: f(1, c=2),
    lambda: f(),
    lambda: f(b=1),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
def g(*, k):
    return k
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)
def h(a, b, c, d):
    return a
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
try:
    (lambda: 0)(1)
except TypeError as e:
    print("TypeError:", e)
class K:
    def m(self, x): pass
try:
    K().m()
except TypeError as e:
    print("TypeError:", e)
try:
    K().m(1, 2)
except TypeError as e:
    print("TypeError:", e)
