total = 1 + \
    2 + \
    3
print(total)
x = (1 +
     2
     + 3)
print(x)
lst = [
    1,
    2,   # comment inside
    3,
]
print(lst)
d = {
    'a': 1,
    'b': 2
}
print(d)
if (1 and
        2):
    print("multi-line condition")
def f(a,
      b=2,
      *args,
      **kw):
    return a, b, args, kw
print(f(1,
        3,
        4, k=5))
s = "abc" \
    "def"
print(s)
print(1 + \
2)
