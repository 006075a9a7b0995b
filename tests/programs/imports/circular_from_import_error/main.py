try:
    import first
except ImportError as e:
    print(type(e).__name__, e)
