def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 100)])
if []:
    print("empty list truthy?")
elif {}:
    print("empty dict truthy?")
else:
    print("both falsy")
x = 5
if x > 3:
    if x > 4:
        print("nested both")
    else:
        print("nested else")
class Falsy:
    def __bool__(self):
        print("__bool__ called")
        return False
if Falsy():
    print("no")
else:
    print("yes falsy")
if not Falsy():
    print("negated")
