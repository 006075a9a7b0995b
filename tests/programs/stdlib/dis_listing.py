# dis.dis / code_info / show_code / Bytecode: layout facts true of any
# bytecode (headers, columns, names), and the error messages.
import dis
import io


def outer(a, *args, k=1, **kw):
    def inner():
        return a
    return inner


class C:
    def m(self):
        return 1

    def n(self, x):
        return x


def text(x, **kw):
    buf = io.StringIO()
    dis.dis(x, file=buf, **kw)
    return buf.getvalue()


out = text(C)
print([line for line in out.splitlines() if line.startswith("Disassembly of")])
out = text(outer)
heads = [line.split(" at ")[0] for line in out.splitlines() if line.startswith("Disassembly of")]
print(heads)
print(text(outer, depth=0).count("Disassembly of"))
first = out.splitlines()[0]
print(first.split()[0] == str(outer.__code__.co_firstlineno + 1) or first.split()[0].isdigit())
print(all(len(line) == len(line.rstrip()) for line in out.splitlines()))
print("RETURN_VALUE" in out, "(a)" in out)
print(text("x = 1").count("(1)") >= 1)
print(text(outer.__code__) == text(outer))

info = dis.code_info(outer)
for line in info.splitlines():
    if line.split(":")[0] in ("Name", "Argument count", "Positional-only arguments", "Kw-only arguments", "Number of locals", "Flags", "Variable names", "Cell variables"):
        print(line)
print([line for line in info.splitlines() if line.startswith("   ")][-5:])
buf = io.StringIO()
dis.show_code(C.m, file=buf)
print(buf.getvalue().splitlines()[:3])
print(dis.pretty_flags(3), dis.pretty_flags(0x20 | 0x40000000))
print(dis.COMPILER_FLAG_NAMES[32])

bc = dis.Bytecode(outer)
print(repr(bc).startswith("Bytecode(<function outer"))
print(bc.codeobj is outer.__code__)

for bad in (1, None.__class__, [1]):
    try:
        dis.dis(bad, file=io.StringIO())
    except TypeError as e:
        print("TypeError", e)
for bad in (1, 1.5):
    try:
        dis.get_instructions(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    dis.code_info(3)
except TypeError as e:
    print("TypeError", e)
import sys
if hasattr(sys, "last_traceback"):
    del sys.last_traceback
try:
    dis.distb()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
buf = io.StringIO()
dis.distb(tb, file=buf)
print("-->" in buf.getvalue(), "BINARY_OP" in buf.getvalue())
print("-->" in dis.Bytecode.from_traceback(tb).dis())
