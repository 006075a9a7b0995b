print(len.__name__, type(len).__name__, len.__self__ is __builtins__ or type(len.__self__).__name__)
print(callable(len), callable("x"), callable(str), callable(str.upper))
m = [].append
print(type(m).__name__)
lst = []
m2 = lst.append
m2(1); m2(2)
print(lst, m2.__self__ is lst, m2.__name__)
print(str.join.__name__, type(str.join).__name__)
print(type(dict.fromkeys).__name__, type(object.__init__).__name__)
print(type(int.__add__).__name__, type((1).__add__).__name__)
print((1).__add__(2), int.__add__(3, 4), int.__add__(1, 2.0) if False else "skip")
print((5).__add__(1.5))
