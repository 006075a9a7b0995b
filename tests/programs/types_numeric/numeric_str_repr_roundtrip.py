import sys
vals = [0.1, 1/3, 2 ** 0.5, 1e-310, 123456789.123456789, 9007199254740993.0, 1.7976931348623157e308, 2.2250738585072014e-308]
for v in vals:
    r = repr(v)
    print(r, float(r) == v)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.maxsize == 2 ** 63 - 1, sys.int_info.bits_per_digit in (15, 30))
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 == 1.0)
print(str(10 ** 18), str(-10 ** 18), repr(2 ** 64), str(0), str(-0))
