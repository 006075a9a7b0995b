class BadExit:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("from exit")
try:
    with BadExit():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))
try:
    with BadExit():
        pass
except RuntimeError as e:
    print("RuntimeError", e, "context:", e.__context__)
