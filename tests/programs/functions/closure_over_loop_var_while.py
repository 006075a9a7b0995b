fns = []
i = 0
while i < 3:
    def f(i=i):
        return i
    fns.append(f)
    i += 1
print([f() for f in fns])
def counter_factory():
    counts = {}
    def count(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]
    return count
c = counter_factory()
print(c("a"), c("a"), c("b"), c("a"))
