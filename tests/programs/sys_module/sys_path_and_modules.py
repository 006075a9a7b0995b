import sys
print(type(sys.path).__name__, len(sys.path) > 0, sys.path[0].rsplit("/", 1)[-1])
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
print(sys.modules["__main__"].__name__, type(sys.modules).__name__)
print(sys.builtin_module_names.__class__.__name__, "sys" in sys.builtin_module_names)
print(sorted(set(["sys", "builtins"]) & set(sys.builtin_module_names)))
