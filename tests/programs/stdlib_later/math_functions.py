import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.gcd(12, 18), math.lcm(4, 6), math.factorial(10))
print(math.pi, math.e, math.inf, math.isnan(math.nan), math.isclose(0.1 + 0.2, 0.3), math.comb(5, 2), math.perm(5, 2))
print(math.log(math.e), math.log2(8), math.log10(1000), math.exp(0), math.pow(2, 10), math.hypot(3, 4))
print(math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.isqrt(99), math.trunc(-2.7), math.copysign(1, -0.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
