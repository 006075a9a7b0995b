match = 1
case = 2
_ = 3
type_ = 4
print(match, case, _, type_)
def match_f(match):
    return match * 2
print(match_f(5))
match = [1, 2]
match match:
    case [a, b]:
        print("matched", a, b)
import sys
kws = ["False", "None", "True", "and", "as", "assert", "async", "await",
       "break", "class", "continue", "def", "del", "elif", "else", "except",
       "finally", "for", "from", "global", "if", "import", "in", "is",
       "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
       "while", "with", "yield"]
bad = []
for k in kws:
    try:
        exec(k + " = 1")
    except SyntaxError:
        bad.append(k)
print(len(bad), bad == kws)
