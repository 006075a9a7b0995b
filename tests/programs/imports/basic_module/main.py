import helper
print(helper.greet("world"), helper.CONSTANT)
print(helper.__name__, helper.__file__.rsplit("/", 1)[-1], helper.__package__ == "")
print(helper.__spec__.name, helper.__doc__)
import helper as h2
print(h2 is helper)
from helper import greet, CONSTANT as C
print(greet("again"), C)
import sys
print("helper" in sys.modules, sys.modules["helper"] is helper)
print(__name__, __file__.rsplit("/", 1)[-1], __package__, __spec__)
