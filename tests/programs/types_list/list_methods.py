l = [3, 1, 2]
l.append(4)
l.extend([5, 6])
l.extend("ab")
l.insert(0, 0)
l.insert(100, "end")
l.insert(-100, "start")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("b")
print(l, l.index(2), l.index(4, 2), l.count(1))
l2 = l.copy()
l2.reverse()
print(l2, l2 is not l)
l.clear()
print(l)
for call in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2].index(1, 1), lambda: [].pop(5)]:
    try:
        call()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
x = [1, 2]
x[len(x):] = [3]
x[:0] = [0]
print(x, x * 0, [None] * 2)
print(list("abc"), list(range(3)), list({1: 2}), list((1,)), list())
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
