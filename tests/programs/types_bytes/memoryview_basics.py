data = bytearray(b"abcdef")
mv = memoryview(data)
print(mv[0], mv[-1], bytes(mv[1:3]), mv.tobytes(), mv.tolist(), len(mv))
print(mv.readonly, mv.format, mv.itemsize, mv.ndim, mv.shape, mv.strides, mv.nbytes, mv.contiguous)
mv[0] = ord("Z")
mv[1:3] = b"YX"
print(data)
sub = mv[2:5]
print(bytes(sub), sub.obj is data, bytes(mv[::2]))
ro = memoryview(b"readonly")
print(ro.readonly)
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    mv[0:2] = b"xyz"
except ValueError as e:
    print("ValueError:", e)
print(mv == b"ZYXdef", mv == data, ro.hex(), ro.tobytes().decode())
m2 = memoryview(b"\x01\x02\x03\x04").cast("H")
print(m2.format, m2.itemsize, len(m2), m2.tolist() == [0x0201, 0x0403] or m2.tolist())
with memoryview(b"ctx") as m3:
    print(bytes(m3))
try:
    m3[0]
except ValueError as e:
    print("ValueError:", e)
mv.release()
try:
    data.extend(b"x")
    print("extended after release", data)
except BufferError as e:
    print("BufferError:", e)
m4 = memoryview(data)
try:
    data.extend(b"y")
except BufferError as e:
    print("BufferError:", e)
