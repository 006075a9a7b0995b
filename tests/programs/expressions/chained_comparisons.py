def v(x, log):
    log.append(x)
    return x
log = []
print(v(1, log) < v(2, log) < v(3, log), log)
log = []
print(v(3, log) < v(2, log) < v(1, log), log)
log = []
print(v(1, log) == v(1, log) != v(2, log) is not None, log)
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, x == 5 == 5.0)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 < 2)
print("a" < "b" < "c", [1] < [1, 0] < [2])
print(1 in [1, 2] in [[1, 2]], 3 not in [1, 2] == True)
a = b = [1]
print(a is b is a, a is b is not None)
print((1 < 2) < 3, 1 < (2 < 3))
print(0 <= 0.0 <= -0.0 < 1e-300)
