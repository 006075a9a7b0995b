for v in [0, -0, 7, -7, 10 ** 25]:
    print(str(v), repr(v), format(v), f"{v}", "%s" % v, "%r" % v)
for v in [0.0, -0.0, 1.5, 1e25, 1e-7, 123456789.0]:
    print(str(v), repr(v), format(v), f"{v}", "%s" % v, "%r" % v)
