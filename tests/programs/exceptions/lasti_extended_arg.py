# tb_lasti and f_lasti are byte offsets into co_code, past the EXTENDED_ARG
# units of instructions with large arguments, so the traceback module finds
# the right positions (line and carets) in code with more than 256 names.
import sys
import traceback

ns = {}
src = "\n".join(["def f():"] + ["    v%d = %d" % (i, i) for i in range(300)] + ["    return None + v1"])
exec(src, ns)
try:
    ns["f"]()
except TypeError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, tb.tb_lasti % 2, tb.tb_lasti > 0)
    print("".join(traceback.format_exception(e)).splitlines()[-3:])


def gen():
    yield sys._getframe().f_lasti >= 0


g = gen()
print(g.gi_frame.f_lasti, next(g))
