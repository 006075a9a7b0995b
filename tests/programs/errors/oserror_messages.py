for path in ["no_such_file_q.txt", "no_such_dir_q/f.txt"]:
    try:
        open(path)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e.strerror, repr(e.filename))
try:
    open("", "r")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    open(5.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    open("x.txt", "rw")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open("x.txt", "r", encoding="bogus-enc")
except LookupError as e:
    print(type(e).__name__, e)
except FileNotFoundError as e:
    print(type(e).__name__, "checked file first")
