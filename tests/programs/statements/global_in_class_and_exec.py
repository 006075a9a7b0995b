x = "global x"
class C:
    x = "class x"
    def m(self):
        return x
    y = x
print(C().m(), C.y)
def f():
    exec("z = 5")
    return "z" in locals()
print(f())
g = {}
exec("a = 1\nb = a + 1", g)
print(g["a"], g["b"])
l = {}
exec("c = 3", {}, l)
print(l)
code = compile("def h(): return 42", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["h"]())
print(eval("x"), eval("q * 2", {"q": 21}))
