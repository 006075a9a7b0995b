# Values of the float functions, printed with repr so every bit shows.
import math

xs = [0.0, -0.0, 1e-310, 1e-20, 0.1, 0.5, 0.7, 1.0, 1.5, 2.0, 3.25, 10.0, 100.5, 700.0, -0.3, -2.5, -1e-5]

def show(name, f, args):
    out = []
    for x in args:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

for name in ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
             "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc",
             "gamma", "lgamma", "cbrt", "fabs", "degrees", "radians", "ulp"]:
    show(name, getattr(math, name), xs)

# gamma and lgamma over a wider range, including the reflection formula.
print([math.gamma(x / 4) for x in range(-30, 60) if x % 4])
print([math.lgamma(x / 3) for x in range(-20, 90) if x % 3])
print(math.gamma(0.5) ** 2, math.gamma(171.5), math.gamma(-171.5), math.gamma(1e-300), math.lgamma(1e300))
print([math.gamma(n) for n in range(1, 25)])

# Special values.
inf, nan = math.inf, math.nan
for name in ["sqrt", "exp", "log", "sin", "atan", "tanh", "erf", "erfc", "gamma", "lgamma", "expm1", "log1p"]:
    show(name + "(special)", getattr(math, name), [inf, -inf, nan])
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0), math.atan2(inf, -inf), math.atan2(-inf, inf), math.atan2(1, inf), math.atan2(1, -inf))
print(math.atan2(3, 4), math.atan2(-1, -1), math.atan2(nan, 1))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(1.0, nan))
print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(5, inf), math.fmod(-0.0, 3))
print(math.remainder(5, 2), math.remainder(7, 2), math.remainder(-7.5, 2), math.remainder(1e300, 3.7), math.remainder(3, inf), math.remainder(nan, 1))
print(math.pow(2, 0.5), math.pow(-2, 3), math.pow(nan, 0), math.pow(1, nan), math.pow(inf, -3), math.pow(-inf, 3), math.pow(0.5, inf), math.pow(-0.0, 3), math.pow(-1, inf))
print(math.frexp(0.0), math.frexp(-3.5), math.frexp(1e-320), math.frexp(inf), math.frexp(12))
print(math.ldexp(0.75, 4), math.ldexp(1.0, -1080), math.ldexp(-1.0, -10**30), math.ldexp(5, 0), math.ldexp(inf, 3))
print(math.modf(3.75), math.modf(-2.5), math.modf(inf), math.modf(-inf), math.modf(7))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(3.0, 3.0))
print(math.ulp(0.0), math.ulp(1.0), math.ulp(-1e300), math.ulp(1.7976931348623157e308), math.ulp(inf))
print(math.isfinite(1), math.isfinite(inf), math.isinf(-inf), math.isinf(nan), math.isnan(nan), math.isnan(3))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2),
      math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-11), math.isclose(inf, inf), math.isclose(inf, -inf), math.isclose(nan, nan))

# Exact summation and norms.
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([1e-16, 1, 1e16]))
print(math.fsum([]), math.fsum([inf, 1.0]), math.fsum([nan, 1.0]), math.fsum(x / 7 for x in range(1000)), math.fsum([-0.0]))
print(math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 1.0]))
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 3, 4, 5), math.hypot(1e-320, 1e-320), math.hypot(1e308, 1e308))
print(math.hypot(inf, nan), math.hypot(nan, 1), math.hypot(*[0.1] * 20), math.hypot(1.5, 2.5, 0.0))
print(math.dist((1, 2), (4, 6)), math.dist([0.1, 0.2, 0.3], (0.4, 0.5, 0.6)), math.dist(iter([1.0]), [2.5]), math.dist((), ()))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)

# Logarithms of ints of any size and with a base.
print(math.log(10 ** 400), math.log2(2 ** 3000), math.log10(10 ** 500), math.log(2 ** 1023 * 3), math.log(8, 2), math.log(100, 10))
print(math.log(2 ** 1000, 2), math.log(True), math.log(3, 0.5), math.log1p(1e-20), math.log(2.5))
