class R:
    def __init__(self, rv):
        self.rv = rv
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return self.rv
for rv in [None, False, 0, "", [], True, 1, "x", [0]]:
    try:
        with R(rv):
            raise ValueError
        print(repr(rv), "suppressed")
    except ValueError:
        print(repr(rv), "propagated")
