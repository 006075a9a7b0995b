import sys
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p}", f"{p:abc}", f"{p!r}", f"{p!s}", f"{p!r:>8}")
print(f"{p=}", f"{p = !s}")
print(f"{1:{'<'}{5}}|")
print(f"{'{'}{'}'}")
print(f"a{1}b{2}c{3}")
print(f"{3!r:>5}")
print(f"{-1:+}", f"{1:+}", f"{1: }", f"{-1: }")
print(f"{1e10:g}", f"{1e-10:g}", f"{123.456:e}", f"{0.5:%}", f"{0.125:.1%}")
print(f"""{
    1 +
    2
}""")
print(f"{'multi'}" f"{'ple'}" "plain" f"{1}")
val = 7
print(f"{val:#010b}", f"{val:08.3f}", f"{-val:08}")
print(f"{'x'*3}", f"{[i for i in range(3)]}")
print(f"{ val }")
print(f"{val!r:}")
print(f"result: {val:{'0'}{4}}")
print(f"{True:d}", f"{False!s}")
print(f"{None}", f"{None!r}")
