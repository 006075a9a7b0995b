def f():
    return some_undefined_name + 1
f()
