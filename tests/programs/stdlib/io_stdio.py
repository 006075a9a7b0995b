# sys.stdin/stdout/stderr are TextIOWrappers over FileIO fds 0/1/2: their
# attributes, writes through print/write/buffer, stdin at EOF, and output
# written before an uncaught exception is flushed first.
import io
import sys

for s in (sys.stdin, sys.stdout, sys.stderr):
    print(type(s).__name__, s.name, s.mode, s.encoding, s.errors, s.fileno(), s.closed, s.isatty(), s.readable(), s.writable())
print(isinstance(sys.stdout, io.TextIOBase), sys.stdout is sys.__stdout__, repr(sys.stderr))
print(sys.stdout.write("written directly\n"))
print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
print("é ü \u20ac", "tab\tsep", sep="|", end="!\n")
sys.stdout.flush()
sys.stdout.buffer.write("bytes through the buffer\n".encode())
sys.stdout.buffer.flush()
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), list(sys.stdin))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
sys.stderr.write("surrogate: \udcff\n")
old = sys.stdout
sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
sys.stdout.write("last line without newline")
raise RuntimeError("after output")
