grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
found = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == 5:
            found = (r, c)
            break
    else:
        continue
    break
print(found)
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            if a + b + c == 3:
                count += 1
print(count)
i = 0
while True:
    j = 0
    while True:
        j += 1
        if j > 2:
            break
    i += 1
    if i > 2:
        break
print(i, j)
