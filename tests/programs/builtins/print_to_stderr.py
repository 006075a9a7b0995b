import sys
print("stdout line 1")
print("stderr line 1", file=sys.stderr)
print("stdout line 2", flush=True)
sys.stderr.write("stderr via write\n")
sys.stdout.write("stdout via write\n")
print("stderr", "with", "sep", sep="|", file=sys.stderr)
print(sys.stdout.write("x\n"))
