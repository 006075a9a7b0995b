# SyntaxError.print_file_and_line: a plain writable member (None by default).
e = SyntaxError("m", ("f.py", 1, 2, "x", 1, 3))
print(e.print_file_and_line)
e.print_file_and_line = 1
print(e.print_file_and_line)
del e.print_file_and_line
print(e.print_file_and_line, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
