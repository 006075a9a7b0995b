class NoExit:
    def __enter__(self): return 1
class NoEnter:
    def __exit__(self, *a): pass
for cls in (NoExit, NoEnter, int):
    try:
        with cls():
            pass
    except TypeError as e:
        print("TypeError:", e)
    except AttributeError as e:
        print("AttributeError:", e)
class Inst:
    pass
i = Inst()
i.__enter__ = lambda: 1
i.__exit__ = lambda *a: None
try:
    with i:
        pass
except TypeError as e:
    print("TypeError:", e)
