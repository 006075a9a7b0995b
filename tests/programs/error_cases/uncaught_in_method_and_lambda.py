class Calc:
    def divide(self, a, b):
        f = lambda x, y: x // y
        return f(a, b)
print(Calc().divide(10, 2))
Calc().divide(1, 0)
