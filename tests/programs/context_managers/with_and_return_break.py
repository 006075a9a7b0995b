class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, et, ev, tb):
        print("exit", et)
def f():
    with CM():
        return "ret"
print(f())
for i in range(3):
    with CM():
        if i == 1:
            print("break")
            break
        print("continue", i)
        continue
def g():
    for i in range(2):
        with CM():
            try:
                return i
            finally:
                print("inner finally")
print(g())
