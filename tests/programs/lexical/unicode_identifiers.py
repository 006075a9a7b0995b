café = "coffee"
print(café)
π = 3.14159
print(π * 2)
def grüße(name):
    return "Hallo " + name
print(grüße("Welt"))
class Ñandú:
    größe = 1
print(Ñandú.größe, Ñandú.__name__)
变量 = 10
print(变量 + 1)
ﬁ = 5  # NFKC normalizes to 'fi'
print(fi)
ℌ = 3  # NFKC normalizes to 'H'
print(H)
print("café".isidentifier(), "1abc".isidentifier(), "_x".isidentifier(), "ℌ".isidentifier())
x_ǅ = 1
print(x_ǅ)
print(sorted(k for k in dir() if not k.startswith("__")))
