# The opcode module's shape and stack_effect's argument checking.
import opcode
import dis

print(len(opcode.opname), type(opcode.opname).__name__)
print(opcode.opname[3], opcode.opname[255])
for name in ("LOAD_CONST", "RETURN_VALUE", "BINARY_OP", "COMPARE_OP", "LOAD_FAST", "STORE_NAME", "EXTENDED_ARG", "CALL"):
    print(name, name in opcode.opmap, opcode.opname[opcode.opmap[name]] == name)
print(opcode.EXTENDED_ARG == opcode.opmap["EXTENDED_ARG"])
print(opcode.HAVE_ARGUMENT)
print(opcode.cmp_op)
print(opcode.opmap["LOAD_CONST"] in opcode.hasconst)
print(opcode.opmap["LOAD_NAME"] in opcode.hasname, opcode.opmap["LOAD_GLOBAL"] in opcode.hasname)
print(opcode.opmap["LOAD_FAST"] in opcode.haslocal, opcode.opmap["STORE_FAST"] in opcode.haslocal)
print(opcode.opmap["LOAD_DEREF"] in opcode.hasfree, opcode.opmap["COMPARE_OP"] in opcode.hascompare)
print(opcode.opmap["JUMP_FORWARD"] in opcode.hasjrel + opcode.hasjabs)
print(opcode.opmap["FOR_ITER"] in opcode.hasjrel + opcode.hasjabs)
print(all(type(x) is list for x in (opcode.hasconst, opcode.hasname, opcode.hasjrel, opcode.hasjabs, opcode.haslocal, opcode.hascompare, opcode.hasfree)))
print(opcode._nb_ops[0], opcode._nb_ops[13], len(opcode._nb_ops))
print(all(opcode.opmap[n] < opcode.HAVE_ARGUMENT for n in ("POP_TOP", "RETURN_VALUE", "NOP", "GET_ITER")))
print(all(opcode.opmap[n] >= opcode.HAVE_ARGUMENT for n in ("LOAD_CONST", "STORE_NAME", "CALL", "BUILD_LIST")))
print(dis.opname is opcode.opname or dis.opname == opcode.opname, dis.opmap == opcode.opmap)

se = opcode.stack_effect
print(se(opcode.opmap["POP_TOP"]), se(opcode.opmap["LOAD_CONST"], 0), se(opcode.opmap["BUILD_LIST"], 3))
print(se(opcode.opmap["BUILD_TUPLE"], 0), se(opcode.opmap["BINARY_SUBSCR"]), se(opcode.opmap["STORE_SUBSCR"]))
print(se(opcode.opmap["UNPACK_SEQUENCE"], 3), se(opcode.opmap["BUILD_MAP"], 2))
print(se(opcode.opmap["FOR_ITER"], 4, jump=False) > 0)
print(se(opcode.opmap["JUMP_IF_TRUE_OR_POP"], 4, jump=True), se(opcode.opmap["JUMP_IF_TRUE_OR_POP"], 4, jump=False), se(opcode.opmap["JUMP_IF_TRUE_OR_POP"], 4))


def attempt(*a, **k):
    try:
        print(se(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)


attempt(opcode.opmap["POP_TOP"], 1)
attempt(opcode.opmap["LOAD_CONST"])
attempt(opcode.opmap["LOAD_CONST"], None)
attempt(255, 1)
attempt(300, 0)
attempt(-1, 1)
attempt("x")
attempt(opcode.opmap["LOAD_CONST"], "x")
attempt(opcode.opmap["LOAD_CONST"], 0, jump=1)
attempt(opcode.opmap["LOAD_CONST"], 0, True)
attempt()
attempt(opcode.opmap["LOAD_CONST"], 0, jmp=True)
