import sys
print(sys.argv, len(sys.argv))
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 11))
print(type(sys.version).__name__, sys.version.startswith("3.11"), sys.hexversion >> 16 == 0x30B)
print(sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str))
print(type(sys.implementation.name).__name__, sys.implementation.version[:2] if False else "")
print(sys.byteorder in ("little", "big"), sys.maxsize > 2 ** 31, sys.maxunicode == 0x10FFFF)
print(isinstance(sys.platform, str), isinstance(sys.executable, str))
