# gc.callbacks run for collections while the program runs, and not for the
# collection made while module globals are torn down at exit.
import gc

counts = {"start": 0, "stop": 0}


def cb(phase, info):
    counts[phase] += 1


gc.callbacks.append(cb)


class Node:
    def __init__(self):
        self.other = self


for i in range(3):
    Node()
    gc.collect()
print(counts["start"] >= 3, counts["start"] == counts["stop"])
print(sorted(counts))
