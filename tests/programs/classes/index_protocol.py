class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
lst = list(range(10))
print(lst[I(3)], lst[I(1):I(4)], "abcdef"[I(2)])
print(bin(I(5)), hex(I(255)), oct(I(8)))
print(range(I(3)), list(range(I(1), I(4))))
print([0] * I(3), "ab" * I(2))
print(int(I(7)) if hasattr(int, "__index__") else "skip")
print(operator_like := I(4).__index__())
class NotIdx:
    pass
try:
    lst[NotIdx()]
except TypeError as e:
    print("TypeError:", e)
class BadIdx:
    def __index__(self): return "x"
try:
    lst[BadIdx()]
except TypeError as e:
    print("TypeError:", e)
print(round(3.14159, I(2)))
try:
    pow(2, I(10))
except TypeError as e:
    print("TypeError:", e)
print(bytes(I(3)), chr(I(65)))
