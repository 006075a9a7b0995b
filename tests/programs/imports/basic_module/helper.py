"""Helper module docstring."""
print("helper module executing, __name__ =", __name__)
CONSTANT = 42
def greet(name):
    return f"hello {name}"
