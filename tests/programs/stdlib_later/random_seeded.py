import random
random.seed(12345)
print([random.randint(1, 100) for _ in range(5)])
print(random.random())
r = random.Random(7)
lst = list(range(10))
r.shuffle(lst)
print(lst, r.choice("abcdef"), r.sample(range(100), 3))
