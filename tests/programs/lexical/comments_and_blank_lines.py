# a comment
# -*- not an encoding line -*-

x = 1  # trailing comment

    # indented comment line is fine

if x:
    # comment in block

    y = 2
    # another

print(x, y)
def f():
    """docstring"""
    # comment
    return 3
print(f(), f.__doc__)
s = "# not a comment"
print(s)
print("a" # comment between
      "b")
