class AppError(Exception):
    """Base app error."""
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
class Invalid(AppError, ValueError):
    pass
try:
    raise NotFound("x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
try:
    raise Invalid("bad value")
except ValueError as e:
    print("caught as ValueError:", e, [c.__name__ for c in type(e).__mro__])
class NoArgs(Exception):
    def __init__(self):
        pass
n = NoArgs()
print(n.args, repr(n), str(n))
class Weird(Exception):
    def __new__(cls, *args):
        obj = super().__new__(cls, "from new")
        return obj
    def __init__(self, *a):
        pass
print(Weird("x").args)
try:
    raise NotFound
except TypeError as e:
    print("TypeError:", e)
