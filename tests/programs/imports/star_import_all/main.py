from shapes import *
print(sorted(k for k in dir() if not k.startswith("__")))
print(area_square(3), PUBLIC)
try:
    _private
except NameError as e:
    print("NameError:", e)
try:
    hidden_func
except NameError as e:
    print("NameError:", e)
from noall import *
print(sorted(k for k in dir() if not k.startswith("__")))
