# A deterministic sweep over many inputs (a linear congruential generator),
# comparing every bit of the results through a checksum of their reprs.
import math

state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return state

def rfloat(scale):
    return (rnd() / 2 ** 64 - 0.5) * scale

def h(values):
    acc = 0
    for v in values:
        for ch in repr(v):
            acc = (acc * 131 + ord(ch)) % (2 ** 61 - 1)
    return acc

def safe(f, *a):
    try:
        return f(*a)
    except (ValueError, OverflowError) as e:
        return type(e).__name__

scales = [1e-3, 1.0, 10.0, 1e3, 1e8, 1e300]
one = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
       "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "lgamma", "cbrt", "ulp", "degrees", "radians"]
for name in one:
    f = getattr(math, name)
    print(name, [h(safe(f, rfloat(s)) for _ in range(200)) for s in scales])
two = ["atan2", "copysign", "fmod", "remainder", "pow", "nextafter", "hypot", "dist2"]
for name in two:
    f = (lambda a, b: math.dist((a,), (b,))) if name == "dist2" else getattr(math, name)
    print(name, [h(safe(f, rfloat(s), rfloat(s)) for _ in range(200)) for s in scales])
print("hypot3", h(math.hypot(rfloat(10), rfloat(10), rfloat(1e-5)) for _ in range(300)))
print("hypotn", h(math.hypot(*[rfloat(1e5) for _ in range(n)]) for n in range(40)))
print("hypot_tiny", h(math.hypot(rfloat(1e-310), rfloat(1e-310)) for _ in range(100)))
print("dist", h(math.dist([rfloat(5) for _ in range(4)], [rfloat(5) for _ in range(4)]) for _ in range(200)))
print("fsum", h(math.fsum(rfloat(10 ** (rnd() % 40)) for _ in range(50)) for _ in range(200)))
print("gamma_small", h(math.gamma(rfloat(40)) for _ in range(300)), h(math.lgamma(rfloat(400)) for _ in range(300)))
print("prod", h(math.prod(rfloat(3) for _ in range(20)) for _ in range(50)))
print("log_int", h(math.log(rnd() ** (1 + rnd() % 40)) for _ in range(100)), h(math.log10(rnd() ** 30) for _ in range(50)))
print("log_base", h(math.log(rnd() % 10 ** 6 + 2, rnd() % 1000 + 2) for _ in range(200)))
print("frexp", h(math.frexp(rfloat(1e10)) for _ in range(100)), h(math.modf(rfloat(1e6)) for _ in range(100)))
print("ldexp", h(safe(math.ldexp, rfloat(1), rnd() % 2200 - 1100) for _ in range(200)))
print("isqrt", h(math.isqrt(rnd() ** (1 + rnd() % 10)) for _ in range(200)))
print("comb", h(math.comb(rnd() % 300, rnd() % 150) for _ in range(200)), h(math.perm(rnd() % 100, rnd() % 50) for _ in range(100)))
print("gcd", h(math.gcd(rnd() * rnd(), rnd() * 12) for _ in range(200)), h(math.lcm(rnd() % 10 ** 6, rnd() % 10 ** 6) for _ in range(200)))
print("floor", h((math.floor(x), math.ceil(x), math.trunc(x)) for x in (rfloat(1e20) for _ in range(200))))
print("isclose", sum(math.isclose(rfloat(1), rfloat(1), rel_tol=0.5) for _ in range(500)))
