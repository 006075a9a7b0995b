squares = [x * x for x in range(10) if x % 3]
pairs = {k: v for k, v in zip("abc", (1, 2, 3))}
gen = sum(y for y in squares)
