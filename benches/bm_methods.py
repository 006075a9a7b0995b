# Method calls: bound methods, methods calling methods, inherited methods,
# super() calls, staticmethod/classmethod, and calls with default/keyword args.


class Counter:
    def __init__(self, start=0):
        self.value = start

    def inc(self):
        self.value += 1
        return self

    def add(self, n, times=1):
        self.value += n * times
        return self.value

    def get(self):
        return self.value

    @staticmethod
    def twice(x):
        return 2 * x

    @classmethod
    def create(cls, v):
        return cls(v)


class StepCounter(Counter):
    def __init__(self, start=0, step=2):
        super().__init__(start)
        self.step = step

    def inc(self):
        self.value += self.step
        return self

    def add(self, n, times=1):
        return super().add(n, times) + 1


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __len__(self):
        return 2


def main():
    c = Counter()
    s = StepCounter(step=3)
    total = 0
    for i in range(650_000):
        c.inc()
        s.inc()
        total += c.add(i % 7)
        total += s.add(1, times=2)
        total += Counter.twice(c.get()) & 0xFF
    made = 0
    for i in range(400_000):
        made += Counter.create(i).get() % 5
        made += StepCounter.create(i).inc().get() % 3

    v = Vec(1, 2)
    w = Vec(3, -1)
    acc = 0
    for i in range(800_000):
        u = v + w.scaled(i % 4)
        acc += u.dot(v) + len(u)
        if u == v:
            acc += 1000
    m = c.get
    for i in range(800_000):
        acc += m() & 1
    print("total", total, "made", made, "acc", acc, "c", c.get(), "s", s.get())


main()
