class contextmanager:
    def __init__(self, fn):
        self.fn = fn
    def __call__(self, *a, **k):
        return _GCM(self.fn(*a, **k))
class _GCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw")
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except KeyError:
        print("handled KeyError in cm")
    finally:
        print(f"</{name}>")
with tag("a") as t:
    print("inside", t)
with tag("b"):
    raise KeyError("x")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)
