def f(a, b, *, c): pass
class K:
    def __init__(self, x): pass
    def m(self): pass
    @staticmethod
    def s(): pass
    @classmethod
    def cm(cls, y): pass
cases = [
    lambda: f(),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, c=1),
    lambda: f(1, 2, c=1, d=2),
    lambda: f(1, b=2, a=3, c=4),
    lambda: K(),
    lambda: K(1, 2),
    lambda: K(1).m(2),
    lambda: K.m(),
    lambda: K.s(1),
    lambda: K.cm(),
    lambda: len(1, 2),
    lambda: len(),
    lambda: len(x=1),
    lambda: int(1, 2, 3),
    lambda: "abc".split(1, 2, 3),
    lambda: print(bogus=1),
    lambda: sorted([], bogus=1),
    lambda: dict.get({}, 1, 2, 3),
    lambda: (lambda *, k: k)(1),
    lambda: (lambda a, /: a)(a=1),
]
for c in cases:
    try:
        c()
        print("no error?!")
    except TypeError as e:
        print(e)
