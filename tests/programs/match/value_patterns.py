class Color:
    RED = "red"
    GREEN = "green"
class Nested:
    class Inner:
        VALUE = 10
def m(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case Nested.Inner.VALUE:
            return "ten"
        case _:
            return "unknown"
for v in ["red", "green", 10, "blue"]:
    print(v, m(v))
RED = "red"
match "blue":
    case RED:
        print("bare name always captures:", RED)
