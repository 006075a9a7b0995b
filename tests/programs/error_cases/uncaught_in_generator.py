def gen():
    yield 1
    raise RuntimeError("inside generator")
for v in gen():
    print("got", v)
