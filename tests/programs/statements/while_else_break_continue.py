i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("no else, broke")
j = 0
while j < 3:
    j += 1
else:
    print("else after normal exit", j)
k = 0
while True:
    k += 1
    if k > 3:
        break
print("k", k)
n = 0
while n < 3:
    n += 1
    try:
        if n == 2:
            continue
        print("body", n)
    finally:
        print("finally", n)
