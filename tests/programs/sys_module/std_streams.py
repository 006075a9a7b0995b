import sys
print(sys.stdout.encoding.lower().replace("-", ""), sys.stderr.encoding.lower().replace("-", ""))
sys.stdout.write("written directly\n")
sys.stdout.flush()
print(sys.stdin.readline() == "", sys.stdin.read() == "")
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
class Capture:
    def __init__(self): self.data = []
    def write(self, s): self.data.append(s); return len(s)
    def flush(self): pass
old = sys.stdout
sys.stdout = Capture()
print("captured", 1, 2)
cap = sys.stdout
sys.stdout = old
print(cap.data)
print(sys.stdout.isatty())
