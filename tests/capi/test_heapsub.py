# Drives tests/capi/heapsub.c: spec types subclassing int and dict.
import sys, gc
import heapsub
b = heapsub.Big(2**70)
print(b, b + 1, type(b + 1), b.describe(), isinstance(b, int), heapsub.Big.__doc__, heapsub.Big.__mro__)
print(heapsub.Big("ff", 16), heapsub.Big(7).bit_length(), hash(heapsub.Big(5)) == hash(5))
class B2(heapsub.Big):
    pass
print(B2(3), B2(3).describe(), type(B2(3)).__mro__)
d = heapsub.CDict(a=1)
d["b"] = 2
print(d["a"], d["b"], d.hits, len(d), sorted(d), d.get("a"), d.hits, type(d).__mro__)
d["me"] = d
del d
gc.collect()
r = sys.getrefcount(heapsub.Big)
xs = [heapsub.Big(i) for i in range(1000, 1010)]
print(sys.getrefcount(heapsub.Big) - r)
del xs
print(sys.getrefcount(heapsub.Big) - r)
d = heapsub.CDict(); print(gc.is_tracked(d), gc.is_tracked(heapsub.Big(1)))
e = heapsub.CDict(); e["self"] = e; del e; print("cycle collected", gc.collect() >= 1)
