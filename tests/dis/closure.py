def make_counter(start):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step
