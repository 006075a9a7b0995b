# types.CodeType built from an existing code object's attributes (CPython
# 3.11's 18-argument signature) compares equal and runs; wrong argument
# counts are TypeErrors.
import types


def f(a, b=1):
    "doc"
    return [x * b for x in range(a)]


co = f.__code__
args = (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
        co.co_stacksize, co.co_flags, co.co_code, co.co_consts, co.co_names,
        co.co_varnames, co.co_filename, co.co_name, co.co_qualname, co.co_firstlineno,
        co.co_linetable, co.co_exceptiontable, co.co_freevars, co.co_cellvars)
c2 = types.CodeType(*args)
print(c2 == co, c2.co_name, c2.co_varnames)
g = types.FunctionType(c2, globals(), "g", (2,))
print(g(3), g(2, 5), g.__doc__)

def h(a):
    return a + 1


hc = h.__code__
c3 = types.CodeType(hc.co_argcount, hc.co_posonlyargcount, hc.co_kwonlyargcount, hc.co_nlocals,
                    hc.co_stacksize, hc.co_flags, hc.co_code, hc.co_consts, hc.co_names,
                    hc.co_varnames, hc.co_filename, hc.co_name, hc.co_qualname, hc.co_firstlineno,
                    hc.co_linetable, hc.co_exceptiontable)
print(c3 == hc, c3.co_freevars, types.FunctionType(c3, {})(41))
for n in (0, 2, 15, 19):
    try:
        types.CodeType(*args[:n]) if n <= 18 else types.CodeType(*args, ())
    except TypeError:
        print("TypeError for", n, "arguments")
try:
    types.CodeType(*args[:3], -1, *args[4:])
except ValueError as e:
    print("ValueError")
