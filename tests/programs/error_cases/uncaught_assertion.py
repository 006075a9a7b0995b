x = 5
assert x < 3, "x must be small"
