name = "open_builtin_tmp.txt"
with open(name, "w", encoding="utf-8") as f:
    print(f.write("hello\n"), f.write("wörld\n"), f.mode, f.name, f.encoding)
with open(name, encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(name, "a") as f:
    f.write("appended\n")
with open(name) as f:
    print([line.rstrip("\n") for line in f])
with open(name, "rb") as f:
    data = f.read()
    print(data, type(data).__name__, f.mode)
with open(name, "r+") as f:
    f.seek(0)
    f.write("J")
    f.seek(0)
    print(f.read(5), f.tell())
with open(name, "wb") as f:
    f.write(b"\x00\x01binary")
with open(name, "rb") as f:
    print(f.read(2), f.read())
with open(name, "x" if False else "w") as f:
    f.writelines(["a\n", "b\n"])
with open(name) as f:
    print(f.readlines())
try:
    open(name, "q")
except ValueError as e:
    print("ValueError:", e)
try:
    open("no_such_dir_xyz/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror)
f = open(name)
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
__import__("os").remove(name)
