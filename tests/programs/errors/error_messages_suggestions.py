class C:
    def __init__(self):
        self.value = 1
        self.values = 2
    def method(self): pass
try:
    C().valeu
except AttributeError as e:
    print(type(e).__name__, e, e.name)
try:
    prnt("x")
except NameError as e:
    print(type(e).__name__, e, e.name)
my_variable = 1
try:
    my_varable
except NameError as e:
    print(type(e).__name__, e)
import sys
try:
    sys.vrsion
except AttributeError as e:
    print(type(e).__name__, e)
