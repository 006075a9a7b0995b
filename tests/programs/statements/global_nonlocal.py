counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
        return n
    inner(); inner()
    return n
print(outer())
def make():
    global new_global
    new_global = "created"
make()
print(new_global)
def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x = 3
        c()
    b()
    return x
print(a())
def shadow():
    counter = 100
    def inner():
        global counter
        return counter
    return inner()
print(shadow())
for src in ["def f():\n    x = 1\n    global x", "nonlocal y", "def f():\n    nonlocal q"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
