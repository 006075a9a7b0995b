import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
def r(n):
    return r(n + 1) if n < 10 ** 6 else n
count = 0
def counted():
    global count
    count += 1
    counted()
try:
    counted()
except RecursionError:
    print("count below 100:", count < 100, "count above 50:", count > 50)
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError:", e)
sys.setrecursionlimit(5000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(3000))
sys.setrecursionlimit(old)
