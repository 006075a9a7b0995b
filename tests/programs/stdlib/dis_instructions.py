# dis.get_instructions / Instruction fields: only facts true of any bytecode.
import dis

code = compile('print("Hello, World!")\n', "<hello>", "exec")
instrs = list(dis.get_instructions(code))
names = [i.opname for i in instrs]
print(any(n in ("LOAD_NAME", "LOAD_GLOBAL") and i.argval == "print" for n, i in zip(names, instrs)))
consts = [i for i in instrs if i.opname == "LOAD_CONST"]
print([c.argval for c in consts])
print(consts[0].argrepr)
print(any(n.startswith("CALL") for n in names))
print(names[-1])
print(sorted({i.starts_line for i in instrs if i.starts_line is not None} - {0}))

i = instrs[0]
print(type(i).__name__, isinstance(i, tuple))
print(type(i.opname).__name__, type(i.opcode).__name__, type(i.offset).__name__, type(i.is_jump_target).__name__)
print(i._fields)
print(type(i.positions).__name__, i.positions._fields)
print(all(dis.opname[x.opcode] == x.opname for x in instrs))
print(all(dis.opmap[x.opname] == x.opcode for x in instrs))
print([x.offset % 2 for x in instrs] == [0] * len(instrs))
print(all((x.arg is None) == (x.opcode < dis.HAVE_ARGUMENT) for x in instrs))


def loop(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total


li = list(dis.get_instructions(loop))
targets = [x for x in li if x.is_jump_target]
print(len(targets) > 0)
jumps = [x for x in li if x.opcode in dis.hasjrel or x.opcode in dis.hasjabs]
offsets = {x.offset for x in li}
print(all(j.argval in offsets for j in jumps))
print(all(any(t.offset == j.argval for t in targets) for j in jumps))
print(sorted({x.argval for x in li if x.opname in ("LOAD_FAST", "STORE_FAST")}))
print(sorted({x.starts_line - loop.__code__.co_firstlineno for x in li if x.starts_line is not None}))
shifted = list(dis.get_instructions(loop, first_line=100))
print(sorted({x.starts_line for x in shifted if x.starts_line is not None}))

print([x.argval for x in dis.get_instructions("a + 1") if x.opname == "LOAD_NAME"])
print([x.argrepr for x in dis.get_instructions("a + b") if x.opname == "BINARY_OP"])
print([x.argval for x in dis.get_instructions("a < b") if x.opname == "COMPARE_OP"])
print([x.argrepr for x in dis.get_instructions("f'{a!r:>3}'") if x.opname == "FORMAT_VALUE"])

bc = dis.Bytecode(loop)
print(type(bc).__name__, [x.opname for x in bc] == [x.opname for x in li])
print(bc.first_line == loop.__code__.co_firstlineno)
print(bc.info().splitlines()[0], bc.info().splitlines()[2])
print(isinstance(bc.dis(), str), "RETURN_VALUE" in bc.dis())

print(list(dis.findlinestarts(compile("x = 1\ny = 2\n", "<s>", "exec")))[-1][1])
