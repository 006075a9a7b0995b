class Yield:
    def __await__(self):
        yield
async def task(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return name.upper()
def run_all(coros):
    results = {}
    queue = list(coros.items())
    while queue:
        name, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((name, c))
        except StopIteration as e:
            results[name] = e.value
    return results
log = []
res = run_all({"a": task("a", 3, log), "b": task("b", 2, log), "c": task("c", 1, log)})
print(log)
print(sorted(res.items()))
