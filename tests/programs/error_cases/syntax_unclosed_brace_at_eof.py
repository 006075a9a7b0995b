print("start")
d = {"a": 1,
     "b": 2
