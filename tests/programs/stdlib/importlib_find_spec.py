# importlib.util.find_spec and module specs: found, not found, submodules,
# packages, namespace packages, built-in modules; importlib.machinery's
# classes and suffixes; cache_from_source with the implementation's tag.
# Only deterministic values are printed (no addresses or absolute paths).
import importlib
import importlib.machinery as machinery
import importlib.util as util
import os
import sys

D = "importlib_find_spec_tmp"
FILES = {
    "fs_pkg/__init__.py": "",
    "fs_pkg/mod.py": "A = 1\n",
    "fs_ns/part.py": "B = 2\n",
    "fs_plain.py": "C = 3\n",
}
for rel, text in FILES.items():
    p = os.path.join(D, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)
sys.path.insert(0, D)


def show(spec):
    if spec is None:
        print(None)
        return
    ssl = spec.submodule_search_locations
    print(
        spec.name,
        repr(spec.parent),
        type(spec.loader).__name__ if not isinstance(spec.loader, type) else spec.loader.__name__,
        os.path.basename(spec.origin) if spec.origin and os.sep in spec.origin else spec.origin,
        None if ssl is None else [os.path.basename(p) for p in ssl],
        spec.has_location,
    )


try:
    show(util.find_spec("fs_plain"))
    print("fs_plain" in sys.modules)
    show(util.find_spec("fs_pkg"))
    show(util.find_spec("fs_pkg.mod"))
    print("fs_pkg" in sys.modules, "fs_pkg.mod" in sys.modules)
    show(util.find_spec(".mod", "fs_pkg"))
    show(util.find_spec("fs_pkg.nope"))
    show(util.find_spec("fs_nope_xyz"))
    show(util.find_spec("sys"))
    show(util.find_spec("itertools"))
    spec = util.find_spec("fs_plain")
    print(os.path.basename(spec.cached) == "fs_plain.%s.pyc" % sys.implementation.cache_tag)
    print(os.path.basename(os.path.dirname(spec.cached)))
    print(spec.loader.is_package("fs_plain"), spec.loader.get_source("fs_plain"), end="")
    print(spec.loader.get_filename("fs_plain") == spec.origin)
    try:
        util.find_spec("fs_plain.sub")
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError:", e)
    try:
        util.find_spec(".x")
    except ImportError as e:
        print(type(e).__name__, e)

    # Specs and loaders of imported modules.
    import fs_pkg.mod
    import fs_plain
    for m in (fs_plain, fs_pkg, fs_pkg.mod):
        show(m.__spec__)
        print(m.__loader__ is m.__spec__.loader, m.__package__, os.path.basename(m.__file__))
    print(util.find_spec("fs_pkg.mod") is fs_pkg.mod.__spec__)
    import fs_ns.part
    show(fs_ns.__spec__)
    print(fs_ns.__file__, type(fs_ns.__loader__).__name__, [os.path.basename(p) for p in fs_ns.__path__])
    show(fs_ns.part.__spec__)
    show(sys.__spec__)
    print(sys.__loader__ is machinery.BuiltinImporter)
    import _thread
    show(_thread.__spec__)
    print(_thread.__loader__ is machinery.BuiltinImporter)
    show(importlib.__spec__)
    del fs_plain.__spec__
    try:
        util.find_spec("fs_plain")
    except ValueError as e:
        print("ValueError:", e)
    sys.modules["fs_plain"].__spec__ = None
    try:
        util.find_spec("fs_plain")
    except ValueError as e:
        print("ValueError:", e)

    # spec_from_file_location / module_from_spec run a file as a module.
    spec = util.spec_from_file_location("fs_loaded", os.path.join(D, "fs_plain.py"))
    show(spec)
    mod = util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(mod.C, mod.__name__, "fs_loaded" in sys.modules)
    spec = machinery.ModuleSpec("made_up", None, origin="somewhere")
    show(spec)
    print(spec)
    print(util.module_from_spec(machinery.ModuleSpec("made_up", None)).__name__)

    for n in ("ModuleSpec", "BuiltinImporter", "FrozenImporter", "PathFinder", "FileFinder",
              "SourceFileLoader", "SourcelessFileLoader", "ExtensionFileLoader",
              "NamespaceLoader", "WindowsRegistryFinder"):
        print(n, isinstance(getattr(machinery, n), type))
    print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES)
    print(machinery.all_suffixes()[:2])
    print([f.__name__ for f in sys.meta_path[-3:]])
    print(len(sys.path_hooks) >= 1, type(sys.path_importer_cache).__name__)
    tag = sys.implementation.cache_tag
    print(util.cache_from_source("/a/b/c.py") == "/a/b/__pycache__/c.%s.pyc" % tag)
    print(util.source_from_cache("/a/b/__pycache__/c.%s.pyc" % tag))
    print(util.cache_from_source("x.py", optimization=2) == "__pycache__/x.%s.opt-2.pyc" % tag)
    print(len(util.MAGIC_NUMBER), util.MAGIC_NUMBER[2:])
    print(util.resolve_name(".b", "a"), util.resolve_name("..c", "a.b"), util.resolve_name("x", None))
    print(util.decode_source(b"x = 1\r\ny = 2\n"))
finally:
    sys.path.remove(D)
    for top, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(top, f))
        for d in dirs:
            os.rmdir(os.path.join(top, d))
    os.rmdir(D)
