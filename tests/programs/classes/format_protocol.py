class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return f"${self.v:,.2f}"
        return format(self.v, spec)
    def __str__(self): return f"Money({self.v})"
m = Money(1234.5)
print(f"{m:usd}", f"{m:.1f}", f"{m}", format(m, "usd"), "{:usd}".format(m))
print(f"{m!s}", str(m))
class NoFormat: 
    def __str__(self): return "nf"
print(format(NoFormat()), f"{NoFormat()}")
try:
    format(NoFormat(), "x")
except TypeError as e:
    print("TypeError:", e)
class BadFormat:
    def __format__(self, spec): return 5
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
