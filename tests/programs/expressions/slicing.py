s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2], s[::-3], s[-1:-4:-1])
t = "abcdefg"
print(t[1:4], t[::-1], t[::2], t[-2:], t[10:20] == "")
b = b"hello"
print(b[1:3], b[::-1])
s2 = s[:]
s2[2:5] = ["a", "b"]
print(s2)
s2[::3] = [0] * len(s2[::3])
print(s2)
del s2[1:3]
print(s2)
del s2[::2]
print(s2)
sl = slice(1, 8, 2)
print(s[sl], sl.start, sl.stop, sl.step, sl.indices(5))
print(slice(None).indices(10), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s2[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
print(t[True:], s[False])
