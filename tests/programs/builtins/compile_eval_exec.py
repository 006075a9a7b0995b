code = compile("1 + 2", "<expr>", "eval")
print(eval(code), type(code).__name__, code.co_filename)
ns = {}
exec(compile("x = 5\ny = x * 2", "<exec>", "exec"), ns)
print(ns["x"], ns["y"], "__builtins__" in ns)
single = compile("z = 3", "<single>", "single")
exec(single, ns)
print(ns["z"])
print(eval("a + b", {"a": 1}, {"b": 2}), eval("len('abc')"), eval("  7  "))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("x", "f", "bad")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("undefined_var")
except NameError as e:
    print("NameError:", e)
g = {"__builtins__": {}}
try:
    eval("len([])", g)
except NameError as e:
    print("NameError:", e)
print(eval("__name__"), exec("pass"))
out = {}
exec("def f(n):\n    return n * 3\nresult = f(4)", out)
print(out["result"], out["f"].__name__, out["f"].__module__ if "__name__" in out else "no module name")
print(eval(b"1 + 1"), eval(compile("[i for i in range(3)]", "c", "eval")))
src = "def g():\n    return __name__\n"
env = {"__name__": "custom_module"}
exec(src, env)
print(env["g"]())
