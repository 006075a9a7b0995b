print((), (1,), (1, 2), 1,)
print([], [1], [1, 2,])
t = 1, 2, 3
print(t, type(t).__name__)
print(tuple(), list(), tuple("ab"), list((1, 2)))
print([[]] * 3, [[] for _ in range(3)])
x = [[]] * 3
x[0].append(1)
print(x)
print((1, 2) + (3,), [1] + [2], (1,) * 3, [0] * 4, 2 * [1, 2])
print(len(((),)), ((),) == ((),))
print([1, 2, 3][::-1], (1, 2, 3)[1:])
print({}, {1: 1}, set(), {1})
print(type({}).__name__, type({1}).__name__)
