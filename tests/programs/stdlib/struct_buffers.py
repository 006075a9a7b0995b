# struct with buffers: read-only and non-contiguous memoryviews, sliced
# writable views for pack_into, non-buffer arguments.
import struct
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: struct.pack_into("b", memoryview(b"ab"), 0, 1))
t(lambda: struct.pack_into("b", memoryview(bytearray(b"ab")).toreadonly(), 0, 1))
t(lambda: struct.pack_into("b", 5, 0, 1))
t(lambda: struct.pack_into("b", "ab", 0, 1))
ba = bytearray(4); mv = memoryview(ba)[1:3]
t(lambda: struct.pack_into("<h", mv, 0, 0x0102)); print(ba)
t(lambda: struct.unpack_from("<h", memoryview(b"abcd")[::2]))
t(lambda: struct.unpack("<h", memoryview(b"abcd")[::2]))
t(lambda: struct.unpack("<h", memoryview(b"ab").cast("B")))
