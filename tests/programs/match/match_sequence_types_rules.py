from_str = "abc"
match from_str:
    case [a, b, c]:
        print("str matched sequence?!")
    case _:
        print("str is not a sequence for match")
match memoryview(b"ab"):
    case [a, b]:
        print("memoryview is a sequence", a, b)
match range(2):
    case [a, b]:
        print("range is a sequence", a, b)
class MySeq:
    def __getitem__(self, i): return i
    def __len__(self): return 2
match MySeq():
    case [a, b]:
        print("matched")
    case _:
        print("custom __getitem__ class is not a Sequence")
match [1, 2, 3]:
    case [1, *_]:
        print("star wildcard")
match collections_free := (x for x in [1]):
    case [a]:
        print("generator matched?!")
    case _:
        print("generator not a sequence")
