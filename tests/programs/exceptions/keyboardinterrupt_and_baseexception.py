try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as e:
    print("caught", type(e).__name__, isinstance(e, Exception))
try:
    raise SystemExit(5)
except SystemExit as e:
    print("SystemExit code", e.code)
try:
    raise GeneratorExit
except Exception:
    print("wrong")
except GeneratorExit:
    print("GeneratorExit is BaseException")
try:
    import sys
    sys.exit("bye")
except SystemExit as e:
    print("sys.exit code", repr(e.code))
try:
    exit_code = None
    raise SystemExit
except SystemExit as e:
    print(e.code, e.args)
