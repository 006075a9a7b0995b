import sys
captured = []
sys.displayhook = lambda v: captured.append(v)
exec(compile("1 + 1", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("'x'", "<s>", "single"))
sys.displayhook = sys.__displayhook__
print(captured)
print(isinstance(sys.flags.verbose, int), sys.flags.interactive, sys.flags.bytes_warning)
