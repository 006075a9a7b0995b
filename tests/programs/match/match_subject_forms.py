match 1, 2:
    case (a, b):
        print("tuple subject", a, b)
x = [3, 4]
match x:
    case [*all_items]:
        print("star captures list", all_items, type(all_items).__name__)
match (1, 2, 3):
    case (*head, tail):
        print(head, tail, type(head).__name__)
def f():
    return {"k": [1, {"deep": "value"}]}
match f():
    case {"k": [_, {"deep": d}]}:
        print("deep", d)
match None:
    case None:
        print("None matched by identity")
match 0:
    case False:
        print("wrong")
    case 0:
        print("0 does not match False literal pattern")
match 1.0:
    case 1:
        print("1.0 matches literal 1 by equality")
match True:
    case 1:
        print("True matches literal 1 by equality")
