import sys
counter = sys.modules.get("__main__").__dict__.setdefault("_loads", 0) + 1
sys.modules["__main__"].__dict__["_loads"] = counter
def real():
    return "real module function"
