print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(2 ** 70, 3))
class D:
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
print(divmod(D(), 1), divmod(1, D()))
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError:", e)
