class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
class TooFew:
    __match_args__ = ("a",)
    a = 1
try:
    match TooFew():
        case TooFew(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
class Dup:
    __match_args__ = ("a",)
    a = 1
try:
    match Dup():
        case Dup(1, a=1):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 1:
        case len():
            pass
except TypeError as e:
    print("TypeError:", e)
class BadArgs:
    __match_args__ = ["a"]
    a = 1
try:
    match BadArgs():
        case BadArgs(x):
            pass
except TypeError as e:
    print("TypeError:", e)
class Missing:
    __match_args__ = ("nope",)
match Missing():
    case Missing(v):
        print("matched", v)
    case _:
        print("missing attribute means no match")
