# The __path__ of a namespace package (importlib's _NamespacePath), run by
# vm/src/import.rs in a module named _frozen_importlib_external. The path
# follows its parent's path (sys.path for a top-level package): whenever
# that changes, the portions are looked up again by _find_namespace(name,
# parent_path), a Rust helper returning the list of directories or None.
import sys


class _NamespacePath:
    _epoch = 0

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path
        self._path_finder = path_finder
        self._last_parent_path = tuple(self._get_parent_path())
        self._last_epoch = self._epoch

    def _find_parent_path_names(self):
        parent, dot, _ = self._name.rpartition('.')
        return (parent, '__path__') if dot else ('sys', 'path')

    def _get_parent_path(self):
        modname, attr = self._find_parent_path_names()
        return getattr(sys.modules[modname], attr)

    def _recalculate(self):
        current = tuple(self._get_parent_path())
        if current != self._last_parent_path or self._epoch != self._last_epoch:
            portions = self._path_finder(self._name, current)
            if portions:
                self._path = portions
            self._last_parent_path = current
            self._last_epoch = self._epoch
        return self._path

    def __iter__(self):
        return iter(self._recalculate())

    def __getitem__(self, index):
        return self._recalculate()[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._recalculate())

    def __repr__(self):
        return f'_NamespacePath({self._path!r})'

    def __contains__(self, item):
        return item in self._recalculate()

    def append(self, item):
        self._path.append(item)
