import sys as _sys
visible = 1
_invisible = 2
def func():
    pass
