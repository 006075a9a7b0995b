import sys
try:
    import broken_mod
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print("broken_mod" in sys.modules)
try:
    import broken_mod
except ZeroDivisionError:
    print("raised again on re-import")
import uses_broken_traceback
