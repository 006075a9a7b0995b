import importlib
m = importlib.import_module("dyn_target")
print(m.NAME, m.__name__)
sub = importlib.import_module("dpkg.inner")
print(sub.NAME)
rel = importlib.import_module(".inner", "dpkg")
print(rel is sub)
try:
    importlib.import_module("dyn_missing_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module(".inner")
except TypeError as e:
    print(type(e).__name__, e)
