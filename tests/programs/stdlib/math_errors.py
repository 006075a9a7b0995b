# Errors raised by math: types and messages.
import math

class NoFloat:
    pass

class BadFloat:
    def __float__(self):
        return "x"

cases = [
    "math.sqrt(-1)", "math.log(0)", "math.log(-1.5)", "math.log(0, 2)", "math.log(10, 1)", "math.log(-5)",
    "math.log2(0)", "math.log10(-2)", "math.log1p(-1)", "math.acos(2)", "math.asin(-1.5)", "math.atanh(1)",
    "math.acosh(0.5)", "math.exp(1000)", "math.exp2(2000)", "math.expm1(800)", "math.cosh(1000)", "math.sinh(-1000)",
    "math.pow(0, -1)", "math.pow(-2, 0.5)", "math.pow(10, 400)", "math.gamma(0)", "math.gamma(-2)", "math.gamma(200)",
    "math.gamma(-math.inf)", "math.lgamma(-1)", "math.lgamma(0)", "math.fmod(1, 0)", "math.fmod(math.inf, 1)",
    "math.remainder(1, 0)", "math.remainder(math.inf, 1)", "math.ldexp(1.0, 10**20)", "math.ldexp(1e308, 10)",
    "math.sqrt('a')", "math.sqrt(None)", "math.sqrt(NoFloat())", "math.sqrt(BadFloat())", "math.sqrt(10**400)",
    "math.sqrt()", "math.sqrt(1, 2)", "math.fmod(1)", "math.atan2(1, 2, 3)", "math.log()", "math.log(1, 2, 3)",
    "math.hypot('a')", "math.hypot(x=1)", "math.floor('a')", "math.ceil([])", "math.trunc('a')", "math.trunc(2j)",
    "math.floor(math.inf)", "math.ceil(math.nan)", "math.trunc(math.inf)", "math.frexp('x')", "math.ldexp(1.0, 1.5)",
    "math.ldexp('a', 1)", "math.isclose(1)", "math.isclose(1, 2, 3)", "math.isclose(1, 2, foo=3)",
    "math.isclose(1, 2, rel_tol=-1)", "math.isclose(1, 2, abs_tol=-0.5)", "math.isclose(1, a=2)", "math.isclose('a', 1)",
    "math.fsum(['a'])", "math.fsum(1)", "math.fsum([1e308, 1e308])", "math.fsum([math.inf, -math.inf])",
    "math.dist([1], [1, 2])", "math.dist(1, 2)", "math.dist([1])", "math.dist(['a'], [1])",
    "math.prod()", "math.prod([1], 2)", "math.prod([1], begin=2)", "math.prod(3)", "math.prod(['a', 'b'])",
    "math.nextafter(1)", "math.ulp('x')", "math.copysign(1)", "math.isnan('x')",
]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", repr(r))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
