for i in range(5):
    if i == 3:
        print("found 3")
        break
else:
    print("not reached")
for i in range(3):
    pass
else:
    print("else runs, i =", i)
for i in []:
    print("never")
else:
    print("else on empty")
for i in range(6):
    if i % 2:
        continue
    print("even", i)
for x in range(3):
    for y in range(3):
        if y == 1:
            break
        print("pair", x, y)
    else:
        print("inner else")
result = []
for ch in "hello":
    if ch == "l":
        continue
    result.append(ch)
print("".join(result))
for i in range(3):
    i = 10
    print("rebound", i)
