def f(a, b=2, *args, c, d=4, **kw):
    local1 = 1
    return local1
co = f.__code__
print(co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames)
print(co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0)
print(f.__defaults__, f.__kwdefaults__)
print(co.co_name, co.co_nlocals)
def g(): pass
print(g.__code__.co_varnames, g.__code__.co_argcount)
