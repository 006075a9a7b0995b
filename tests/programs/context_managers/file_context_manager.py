name = "cm_test_tmp_file.txt"
with open(name, "w") as f:
    print(f.closed)
    f.write("line1\nline2\n")
print(f.closed)
with open(name) as f:
    print(f.read().splitlines())
try:
    with open(name) as f:
        raise KeyError("inside")
except KeyError:
    print("closed after exception:", f.closed)
__import__("os").remove(name)
