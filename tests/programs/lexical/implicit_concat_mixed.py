s = ("one "
     "two "
     'three')
print(s)
f = ("a" f"{1}" "b" f"{2}")
print(f)
b = (b"x"
     b"y")
print(b)
try:
    eval('"a" b"b"')
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print("tab\there" r"\raw")
print(len("ab" "cd" "ef"))
