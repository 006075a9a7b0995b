import sys
print()
print("a", "b", "c")
print("a", "b", sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" <- continued", end="!\n")
print(1, 2, 3, sep=", ", end=".\n")
print(*range(5))
print(*[], sep="x")
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print(None, True, 1.5, [1], (1,), {"a": 1})
print("x", sep=None, end=None)
print("tab\tsep", "a\nb")
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("to", "custom", file=w, sep="+")
print(w.parts)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", file=5)
except AttributeError as e:
    print("AttributeError:", e)
print("é ü 日本 😀")
print(b"bytes prints repr")
