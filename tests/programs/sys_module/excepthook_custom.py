import sys
def hook(t, v, tb):
    print("custom hook:", t.__name__, v, tb.tb_lineno if tb else None)
sys.excepthook = hook
print("before error")
raise ValueError("handled by custom excepthook")
