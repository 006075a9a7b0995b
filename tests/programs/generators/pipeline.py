def read(lines):
    for l in lines:
        yield l
def strip(it):
    for l in it:
        yield l.strip()
def nonempty(it):
    for l in it:
        if l:
            yield l
def numbered(it):
    n = 1
    for l in it:
        yield f"{n}: {l}"
        n += 1
src = ["  alpha ", "", " beta", "   ", "gamma  "]
for out in numbered(nonempty(strip(read(src)))):
    print(out)
def trace(name, it):
    for x in it:
        print(name, "->", x)
        yield x
list(trace("b", trace("a", range(2))))
