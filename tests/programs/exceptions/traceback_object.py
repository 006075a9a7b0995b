def a():
    b()
def b():
    raise ValueError("deep")
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
e = ValueError("no tb")
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(e.__traceback__ is not None)
e2 = e.with_traceback(None)
print(e2 is e, e.__traceback__)
try:
    raise KeyError
except KeyError as k:
    print(type(k.__traceback__).__name__, k.__traceback__.tb_frame.f_code.co_name)
