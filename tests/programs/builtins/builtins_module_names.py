import builtins
names = sorted(n for n in dir(builtins) if not n.startswith("_"))
expected = ["ArithmeticError", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint",
            "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright",
            "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter",
            "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
            "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map",
            "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property",
            "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod",
            "str", "sum", "super", "tuple", "type", "vars", "zip", "Ellipsis", "False", "None", "NotImplemented", "True"]
print([e for e in expected if e not in names])
funcs = [n for n in names if n[0].islower()]
print(len(funcs) >= 70)
print(getattr(builtins, "True") is True, getattr(builtins, "None") is None)
print(builtins.len is len, builtins.__name__, "__build_class__" in dir(builtins), "__import__" in dir(builtins))
