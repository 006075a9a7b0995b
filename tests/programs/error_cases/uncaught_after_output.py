import sys
print("line to stdout")
print("line to stderr", file=sys.stderr)
raise SystemError("done") if False else LookupError("after output")
