def level(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        level(n - 1)
    except ValueError as e:
        raise RuntimeError(f"level {n}") from e
try:
    level(3)
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(str(cur))
        cur = cur.__cause__
    print(chain)
