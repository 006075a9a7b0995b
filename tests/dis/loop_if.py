def count_odd(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        elif i > 10:
            break
    while total > 100:
        total //= 2
    return total
