def none_implicit():
    pass
def none_explicit():
    return
def tup():
    return 1, 2
def star():
    rest = [3, 4]
    return 1, *rest
def early(x):
    if x:
        return "early"
    return "late"
print(none_implicit(), none_explicit(), tup(), star(), early(1), early(0))
def multiple_exits(n):
    for i in range(n):
        if i == 2:
            return i
    return -1
print(multiple_exits(5), multiple_exits(1))
