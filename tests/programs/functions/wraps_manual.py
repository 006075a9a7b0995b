def wraps_like(src):
    def deco(dst):
        for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
            setattr(dst, attr, getattr(src, attr))
        dst.__wrapped__ = src
        dst.__dict__.update(src.__dict__)
        return dst
    return deco
def logged(fn):
    @wraps_like(fn)
    def wrapper(*args):
        return ("logged", fn(*args))
    return wrapper
@logged
def square(x):
    "Square a number."
    return x * x
square_tag = "t"
print(square(4), square.__name__, square.__doc__, square.__qualname__)
print(square.__wrapped__(5))
