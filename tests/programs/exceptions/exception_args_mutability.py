e = ValueError(1, [2])
e.args[1].append(3)
print(e.args)
e.args = [4, 5]
print(e.args, type(e.args).__name__)
e.custom = "x"
print(e.custom, sorted(k for k in vars(e)))
print(ValueError.__doc__ is not None)
print(BaseException.__new__(ValueError).args)
class E(Exception):
    pass
x = E.__new__(E, "a", "b")
print(x.args)
print(Exception(*range(3)).args)
