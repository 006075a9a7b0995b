fs = []
for i in range(3):
    fs.append(lambda: i * 10)
print([f() for f in fs])
fs = []
for i in range(3):
    fs.append((lambda n: lambda: n * 10)(i))
print([f() for f in fs])
gs = [(lambda x: (lambda: x))(c) for c in "abc"]
print([g() for g in gs])
def mk():
    return [lambda: v for v in range(3)]
print([f() for f in mk()])
