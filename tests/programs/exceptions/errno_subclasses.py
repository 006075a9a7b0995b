errnos = [1, 2, 4, 10, 11, 13, 17, 20, 21, 32, 104, 110, 111, 3]
for n in errnos:
    e = OSError(n, "msg")
    print(n, type(e).__name__)
e = OSError(2, "x", "file", 0, "file2")
print(e.filename, e.filename2, str(e))
print(str(OSError(1, 2, 3, 4)), OSError(1, 2, 3, 4).args)
print(str(PermissionError("plain")))
