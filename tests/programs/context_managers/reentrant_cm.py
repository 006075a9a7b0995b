class Reentrant:
    def __init__(self):
        self.depth = 0
    def __enter__(self):
        self.depth += 1
        print("enter depth", self.depth)
        return self
    def __exit__(self, *a):
        print("exit depth", self.depth)
        self.depth -= 1
r = Reentrant()
with r:
    with r:
        with r:
            print("innermost", r.depth)
print("final", r.depth)
