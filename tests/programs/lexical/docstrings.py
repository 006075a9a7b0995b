"""Module docstring."""
def f():
    """Function doc."""
class C:
    """Class doc.

    Second paragraph.
    """
    def m(self):
        'single-quoted doc'
def g():
    x = 1
    """not a docstring"""
def h():
    pass
print(__doc__)
print(f.__doc__)
print(C.__doc__)
print(C.m.__doc__)
print(g.__doc__, h.__doc__)
print(type(f"{1}").__name__)
def k():
    f"""f-string is not a docstring"""
print(k.__doc__)
class D:
    b"bytes not a docstring"
print(D.__doc__)
