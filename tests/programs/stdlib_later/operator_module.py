import operator
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.not_(0), operator.truth([]))
print(operator.itemgetter(1)([1, 2, 3]), operator.itemgetter(0, 2)("abc"), operator.attrgetter("real")(3 + 4j))
print(operator.methodcaller("upper")("abc"), operator.index(5), operator.concat([1], [2]), operator.contains([1], 1))
print(sorted([("b", 2), ("a", 1)], key=operator.itemgetter(1)), operator.lt(1, 2), operator.is_(None, None))
x = [1]
print(operator.iadd(x, [2]), x)
