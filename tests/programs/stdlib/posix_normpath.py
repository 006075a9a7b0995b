# posix._path_normpath, which posixpath.normpath uses when the posix module has it.
import posix, os
for p in ['', '.', '/', '//', '///', 'a//b/../c/./d', '../..', '/..', '/../a', 'a/..', 'a/../..', '//a/b/', './a', 'a\x00b', '\udcff/x/..', './', './.', './/', 'a/../.', '..', './..', 'a/./', '/.', '/./', 'a/b/../..', './a/..', '.a', '...', 'é/ü/../x', '////a//../b']:
    print(ascii(p), ascii(posix._path_normpath(p)), ascii(os.path.normpath(p)), os.path.normpath(os.fsencode(p)))
for bad in (b'a', 1):
    try:
        posix._path_normpath(bad)
    except TypeError as e:
        print(e)
print(posix._path_normpath(path='x/'))
