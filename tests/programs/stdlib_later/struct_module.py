import struct
print(struct.pack("<I", 1), struct.pack(">hH", -2, 65535), struct.calcsize("<iqd"))
print(struct.unpack("<I", b"\x01\x00\x00\x00"), struct.unpack(">f", struct.pack(">f", 1.5)))
print(struct.pack("3s", b"abcdef"), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error:", e)
