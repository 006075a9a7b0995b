import sys
try:
    input()
except EOFError as e:
    print("EOFError:", repr(e), e.args)
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError with prompt:", e)
print(sys.stdin.read() == "")
