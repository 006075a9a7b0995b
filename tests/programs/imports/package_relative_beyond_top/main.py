try:
    import toppkg.mod
except ImportError as e:
    print(type(e).__name__, e)
