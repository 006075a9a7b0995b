# _string.formatter_parser / formatter_field_name_split (what string.Formatter
# is built on): fields, escapes, conversions, nested specs, accessors, errors.
import _string

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["", "plain", "a{0}b", "{}", "{name!r:>10}", "x{{y}}z", "{{", "}}", "a{{", "{0.attr[key]:{width}}",
          "{!s}", "{:}", "{a!r}", "{a[}]}", "{0[1][2].x}", "tail{0}", "{a:{b:{c}}}", "\u00e9{\u00e9}\U0001f600",
          "a}", "a{", "{a", "{a{b}", "{!}", "{!r", "{!rx}", "{a:{}", "}a", "{0!}", "{[}", "{a[b}"]:
    t(lambda: list(_string.formatter_parser(s)))

it = _string.formatter_parser("a}b")
t(lambda: next(it))
print(type(_string.formatter_parser("")).__name__)

for name in ["", "a", "0", "12", "a.b", "a[0]", "a[x].y[2]", "0.real", "a[]", "a.", "a[0", "a[0]x", "a..b",
             "99999999999999999999999", "a[99999999999999999999999]", "\u0661\u0662", "x[\u0663]"]:
    try:
        first, rest = _string.formatter_field_name_split(name)
        print(repr(first), list(rest))
    except Exception as e:
        print(type(e).__name__, e)
first, rest = _string.formatter_field_name_split("a[0]..")
print(first, next(rest))
t(lambda: next(rest))
print(type(rest).__name__)

t(lambda: _string.formatter_parser(5))
t(lambda: _string.formatter_field_name_split(b"a"))

