# math's exact integer functions: factorial, comb, perm, gcd, lcm, isqrt, prod.
import math

print([math.factorial(n) for n in range(0, 25)])
print(math.factorial(100))
f = math.factorial(1000)
print(len(str(f)), f % (10 ** 30 + 7), str(f)[:40])
print(math.factorial(True), math.factorial(0))

print([math.comb(10, k) for k in range(12)], math.comb(0, 0), math.comb(3, 5))
print(math.comb(100, 50), math.comb(10 ** 20, 3), math.comb(10 ** 30, 10 ** 30 - 2), math.comb(67, 33), math.comb(200, 199))
print([math.perm(6, k) for k in range(8)], math.perm(5), math.perm(5, None), math.perm(10 ** 20, 2), math.perm(30, 30) == math.factorial(30))

print(math.gcd(), math.gcd(-12), math.gcd(12, 18), math.gcd(0, 0), math.gcd(0, -7), math.gcd(12, 18, 27), math.gcd(2 ** 100, 6 ** 50))
print(math.gcd(True, 4), math.gcd(1, 10 ** 40), math.gcd(-4, -6))
print(math.lcm(), math.lcm(-5), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(3, 0, 7), math.lcm(2 ** 70, 3 ** 40) == 2 ** 70 * 3 ** 40, math.lcm(-4, 6))

print([math.isqrt(n) for n in range(30)])
print(math.isqrt(10 ** 40), math.isqrt(10 ** 40 - 1), math.isqrt(2 ** 64), math.isqrt(2 ** 64 - 1), math.isqrt(2 ** 127 + 12345))
n = 3 ** 500
r = math.isqrt(n)
print(r * r <= n < (r + 1) * (r + 1), math.isqrt(True))

print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod(range(1, 30)), math.prod([2.5, 4]), math.prod([2, 0.5, 3]))
print(math.prod([], start=5), math.prod([3], start=2.0), math.prod([[1], 3]), math.prod(['ab'], start=3), math.prod([True, True]))
print(math.prod([10 ** 10] * 3), math.prod(iter([1.5, 2, 10 ** 20])), math.prod([], start=None))

for c in ["math.factorial(-1)", "math.factorial(1.5)", "math.factorial(10 ** 30)", "math.factorial('5')",
          "math.comb(-1, 2)", "math.comb(5, -2)", "math.comb(1.0, 2)", "math.comb(5)", "math.comb(10 ** 40, 10 ** 20)",
          "math.perm()", "math.perm(1, 2, 3)", "math.perm(-1)", "math.perm(5, -1)", "math.perm(10 ** 30, 10 ** 20)",
          "math.gcd(1.5)", "math.gcd(4, 'a')", "math.lcm(1.5)", "math.isqrt(-1)", "math.isqrt(2.0)", "math.isqrt()"]:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
