print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1.0])
print(max([[1, 2], [1, 3]]), min([[2], [1, 9]]))
l = [1, 2, 3]
print(l.__len__(), l.__getitem__(0), l.__contains__(2), l.__reversed__().__class__.__name__, iter(l).__class__.__name__)
print(list(reversed(l)), l[::-1], len(l * 1000))
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
try:
    a == a
    print("self-ref equality OK")
except RecursionError:
    print("RecursionError")
print(list.__name__, type([]) is list, isinstance([], list))
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
print(nested)
print([1, 2, 3].__add__([4]), [1].__mul__(3), [1].__iadd__([2]), [0].__rmul__(2))
