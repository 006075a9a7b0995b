class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(et, type(ev).__name__, ev, tb is not None, tb.tb_lineno if tb else None)
        return True
with Inspect():
    raise RuntimeError("rt")
with Inspect():
    pass
with Inspect():
    [][0]
