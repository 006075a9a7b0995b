e = OSError(2, "No such file or directory", "missing.txt")
print(e.errno, e.strerror, e.filename, e.args, str(e))
print(type(e).__name__, repr(e))
e2 = OSError("just message")
print(e2.errno, e2.strerror, e2.args)
e3 = OSError(13, "Permission denied")
print(str(e3), e3.filename)
fnf = FileNotFoundError(2, "nf", "f1")
print(type(fnf).__name__, isinstance(fnf, OSError), fnf.errno)
print(type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__, type(OSError(17, "x")).__name__)
ae = AttributeError("msg", name="attr", obj=42)
print(ae.name, ae.obj, ae.args)
ne = NameError("n", name="var")
print(ne.name)
ie = ImportError("imp", name="modname", path="/x/y.py")
print(ie.name, ie.path, ie.msg, ie.args)
se = StopIteration(1, 2)
print(se.value, se.args)
ke = KeyError("k")
print(str(ke), repr(ke), str(KeyError()), str(KeyError("a", "b")))
ue = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason)
print(str(ue))
sx = SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n", 3, 7))
print(sx.msg, sx.filename, sx.lineno, sx.offset, repr(sx.text), sx.end_lineno, sx.end_offset)
print(SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
try:
    open("definitely_missing_file_for_test.txt")
except FileNotFoundError as err:
    print(err.errno, err.strerror, err.filename)
try:
    None.foo
except AttributeError as err:
    print(err.name, err.obj)
try:
    undefined_thing
except NameError as err:
    print(err.name)
