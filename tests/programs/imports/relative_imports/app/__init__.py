from .version import VERSION
print("app init, version", VERSION)
