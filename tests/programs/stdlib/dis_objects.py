# dis.dis on generators, coroutines, classes (each method), bound methods, modules, raw bytes.
import dis, io
def g():
    yield 1
b = io.StringIO(); dis.dis(g(), file=b); print(b.getvalue().count("YIELD_VALUE"))
async def c(): pass
co = c(); b = io.StringIO(); dis.dis(co, file=b); print(b.getvalue().count("RETURN_VALUE")); co.close()
class K:
    def a(self): pass
    @classmethod
    def b(cls): pass
    @staticmethod
    def s(): pass
    x = 1
b = io.StringIO(); dis.dis(K, file=b); print([l for l in b.getvalue().splitlines() if l.startswith("Disassembly")])
b = io.StringIO(); dis.dis(K().a, file=b); print(b.getvalue().count("RETURN_VALUE"))
import types
m = types.ModuleType("m"); exec("def f(): pass\nclass Q: pass\n", m.__dict__)
b = io.StringIO(); dis.dis(m, file=b); print([l for l in b.getvalue().splitlines() if l.startswith("Disassembly")])
b = io.StringIO(); dis.dis(g.__code__.co_code, file=b); print(len(b.getvalue().splitlines()) == len(g.__code__.co_code)//2)
