def show(name, *args, **kw):
    text = f"{name!r:>10} {len(args)}"
    obj = {"a": 1, **kw}
    a, *rest = args
    return print(text, obj, rest, sep=", ", end="\n")
