# ast.literal_eval: accepted literals and the errors for everything else.
import ast

good = [
    "1", "-1", "+1", "1.5", "-2.5e3", "1j", "1+2j", "-1-2j", "0x1f", "1_000",
    "'s'", "b'b'", "'a' 'b'", "None", "True", "False", "...",
    "[1, [2, 3]]", "(1,)", "()", "{1: 'a', 'b': [2]}", "{}", "{1, 2}", "set()",
    "  42  ", "\t[1]",
]
for s in good:
    v = ast.literal_eval(s)
    print(repr(s), "->", repr(v), type(v).__name__)

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))

bad = [
    "x", "f()", "1 + x", "[1, y]", "{1: z}", "a.b", "1 if 2 else 3", "lambda: 1",
    "2 * 3", "'a' + 'b'", "1 + 1", "-'a'", "not 1", "{**d}", "set([1])", "[*a]",
    "1 +", "import os", "(1, 2) + (3,)",
]
for s in bad:
    try:
        v = ast.literal_eval(s)
        print(repr(s), "->", repr(v))
    except (ValueError, TypeError, SyntaxError) as e:
        print(repr(s), type(e).__name__, str(e).split(' at 0x')[0])
