def t(label, value=None):
    print("eval", label)
    return value if value is not None else label
print(t("a", 1) + t("b", 2) * t("c", 3))
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(d)
lst = [t("x"), t("y")]
t("f", print)(t("arg1"), t("arg2"), sep=t("sep", "|"))
class O:
    pass
o = O()
def target():
    print("eval target")
    return o
target().attr = t("rhs", 5)
print(o.attr)
arr = [0, 0]
arr[t("index", 1)] = t("value", 9)
print(arr)
x = t("cond", True) and t("then", 1)
print(t("L", 1) < t("R", 2))
a, b = t("first", 1), t("second", 2)
print(a, b)
print(t("base", 2) ** t("exp", 3))
def f(a=t("default evaluated at def")):
    return a
print(f())
