import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("caught", repr(e.code))
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)
print("still running")
