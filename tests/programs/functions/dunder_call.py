# __call__ of functions, builtins, bound methods and method descriptors.
def f(a, b=2): return a + b
class C:
    def m(self, x): return x * 2
print(f.__call__(1), f.__call__(1, b=5), type(f.__call__).__name__)
print(len.__call__([1, 2]), type(len.__call__).__name__)
print(C().m.__call__(4), type(C().m.__call__).__name__)
print(str.upper.__call__("ab"), type(str.upper.__call__).__name__)
print(type(f).__call__(f, 3), type(len).__call__(len, "abc"))
print("__call__" in type(f).__dict__, "__call__" in type(len).__dict__, "__call__" in type(str.upper).__dict__)
print(callable(f), callable(len), callable(str.upper))
print(sorted([3, 1, 2], key=abs.__call__))
