import counter_mod
import counter_mod
from counter_mod import value
import sys
print(counter_mod.value, value, counter_mod.runs)
del sys.modules["counter_mod"]
import counter_mod as again
print(again.runs, again is not counter_mod)
