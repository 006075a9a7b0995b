a = 1; b = 2; c = a + b; print(c)
if a: print("one-line if")
while b > 0: b -= 1; print("b", b)
for i in range(2): print("i", i); print("again", i)
def f(): return "f"
print(f())
class C: x = 5
print(C.x)
if 0: pass
else: print("else branch")
try: 1 / 0
except ZeroDivisionError: print("caught")
with open.__class__ if False else type("CM", (), {"__enter__": lambda s: 1, "__exit__": lambda s, *a: None})() as v: print("with", v)
