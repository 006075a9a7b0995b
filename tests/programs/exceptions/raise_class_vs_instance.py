try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
class NeedsArg(Exception):
    def __init__(self, x):
        super().__init__(x)
try:
    raise NeedsArg
except TypeError as e:
    print("TypeError:", e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
try:
    raise NotExc()
except TypeError as e:
    print("TypeError:", e)
e = ValueError("same")
for _ in range(2):
    try:
        raise e
    except ValueError as caught:
        print(caught is e)
