# An empty sys.path entry means the current directory; modules found
# through it get absolute __file__ paths, as CPython's FileFinder gives.
import os
import sys

sys.path[:] = [p for p in sys.path if p not in ("", os.getcwd(), os.path.dirname(os.path.abspath(__file__)))]
sys.path.insert(0, "")
import helper_mod

print(os.path.isabs(helper_mod.__file__), os.path.basename(helper_mod.__file__))
print(helper_mod.__file__ == os.path.join(os.getcwd(), "helper_mod.py"))
