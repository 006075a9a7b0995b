# _sha512: SHA-512 and SHA-384 against the FIPS 180-4 examples and
# messages around the 112/128-byte padding boundaries.
import _sha512

print(_sha512.sha512(b"abc").hexdigest())
print(_sha512.sha384(b"abc").hexdigest())
print(_sha512.sha512().hexdigest())
print(_sha512.sha384(b"").hexdigest())
msg = b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
print(_sha512.sha512(msg).hexdigest())
print(_sha512.sha384(msg).hexdigest())
for n in [1, 55, 110, 111, 112, 113, 127, 128, 129, 239, 240, 256, 1000]:
    print(n, _sha512.sha512(b"a" * n).hexdigest()[:32], _sha512.sha384(b"x" * n).hexdigest()[:16])

# Incremental updates in odd pieces give the same digest; copy forks the state.
h = _sha512.sha512()
data = bytes(range(256)) * 5
i = 0
for step in [1, 3, 7, 100, 127, 128, 129, 300, 500]:
    h.update(data[i:i + step])
    i += step
h.update(data[i:])
print(h.hexdigest() == _sha512.sha512(data).hexdigest())
c = h.copy()
c.update(b"more")
print(h.hexdigest()[:16], c.hexdigest()[:16], h.digest() == _sha512.sha512(data).digest())
print(type(h.digest()).__name__, len(h.digest()), len(_sha512.sha384().digest()))
print(h.name, h.digest_size, h.block_size, _sha512.sha384().name, _sha512.sha384().digest_size)
print(type(h).__name__, type(_sha512.sha384()).__name__)

# Buffers of every kind; str and non-buffers are refused.
print(_sha512.sha512(bytearray(b"abc")).hexdigest() == _sha512.sha512(memoryview(b"abc")).hexdigest() == _sha512.sha512(b"abc").hexdigest())
print(_sha512.sha512(string=b"abc", usedforsecurity=False).hexdigest()[:16])
for bad in [lambda: _sha512.sha512("abc"), lambda: _sha512.sha512(12), lambda: h.update("x"),
            lambda: h.update(None), lambda: _sha512.sha512(b"a", b"b"), lambda: _sha512.sha512(data=b"a")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
