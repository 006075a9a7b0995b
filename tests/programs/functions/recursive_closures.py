def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
print(make_fact()(10))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), len(fib.cache))
def y_comb(f):
    return (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fact = y_comb(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))
print(fact(12))
