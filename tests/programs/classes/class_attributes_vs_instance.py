class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.items.append(self.count)
a, b = Counter(), Counter()
print(Counter.count, a.count, a.items is b.items, Counter.items)
a.count = 100
print(a.count, b.count, Counter.count)
class Shadow:
    x = "class"
    def get(self):
        return self.x
s = Shadow()
print(s.get())
s.x = "instance"
print(s.get(), Shadow.x)
del s.x
print(s.get())
print(sorted(k for k in Shadow.__dict__ if not k.startswith("__")))
print("x" in s.__dict__, type(Shadow.__dict__).__name__)
