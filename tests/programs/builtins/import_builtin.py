sys_mod = __import__("sys")
print(sys_mod.__name__, __import__("sys") is sys_mod)
gc_mod = __import__("gc", globals(), locals(), [], 0)
print(gc_mod.__name__)
try:
    __import__("no_such_mod_abc")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError:", e)
import builtins
print(builtins.__import__ is __import__, type(builtins).__name__, builtins.__name__)
