# Generates cases.txt: test vectors for the format module, from CPython 3.11.
# Run: python3 gen_cases.py > cases.txt
# Line format: KIND<TAB>field<TAB>field...; fields escaped with esc() below.
# Floats are written as 16 hex digits of their IEEE bits; an expected error is
# written as "!ErrorType: message".
import random, struct, math, sys

random.seed(12345)
out = []

def esc(s):
    r = []
    for c in s:
        o = ord(c)
        if c == '\\': r.append('\\\\')
        elif c == '\t': r.append('\\t')
        elif c == '\n': r.append('\\n')
        elif c == '\r': r.append('\\r')
        elif o < 0x20 or o == 0x7f or (0xd800 <= o < 0xe000): r.append('\\u{%x}' % o)
        else: r.append(c)
    return ''.join(r)

def fb(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

def emit(*fields):
    out.append('\t'.join(esc(str(f)) for f in fields))

def res(f):
    try:
        v = f()
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)
    return v

def rand_double():
    r = random.random()
    if r < 0.4:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if r < 0.6:
        return round(random.uniform(-1000, 1000), random.randint(0, 6))
    if r < 0.8:
        return random.uniform(-1, 1) * 10.0 ** random.randint(-30, 30)
    if r < 0.9:
        return float(random.randint(-10**6, 10**6)) * 2.0 ** random.randint(-60, 60)
    return float(random.choice([0.5, 1.5, 2.5, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
                                123456789012345678.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]))

specials = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 100.0, 1e16, 1e15, 1e17, 1.5e-5, 1e-4, 1e-5,
            float('inf'), float('-inf'), float('nan'), 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
            123456.789, 0.000123456, 1234567890123456789.0, 2.675, 0.045, 1e300, 1e-300, 9.5, 0.95, 999.9999]

# 1. repr
vals = specials + [rand_double() for _ in range(3000)]
for x in vals:
    if math.isnan(x): x = float('nan')
    emit('repr', fb(x), repr(x))

# 2. format(float, spec)
fspecs = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0', '.1', '.3', '.17', '.0e', '.0f', '.0g', '.0%', '#', '#.0', '#g',
          '#.0e', '#.0f', '#.3g', '10', '<10', '^10', '=10', '>10', '010', '+', ' ', '-', '+010.3f', ' 012.4e', 'z', 'z.1f',
          'z.0f', 'z+08.2f', ',', '_', ',.2f', '_.3e', '015,.2f', '020_', '*^15.3g', 'x<12', '0<12', '.100f', '.30e', '.25g',
          '12.5%', ',g', ',%', 'd', 'x', 's', 'c', ',n', '_n', '.2n', '\u00e9>9', 'abc', '.', '10.', ',_', '_,', '.3000000000f',
          '99999999999999999999', '#x', 'zd', '#10.0f', '=+10.2f', '^+11', '< 9', '1,', '020,.3e', '+.0%', '08,d',
          '\u0663\u0661', '.\u0662f', '#.0%', 'F', '+F', '010F', '#G', '.1E', '.3n', '015n']
fvals = specials + [rand_double() for _ in range(25)]
for x in fvals:
    for s in fspecs:
        emit('ffmt', fb(x), s, res(lambda: format(x, s)))

# 3. format(int, spec)
ispecs = ['', 'd', 'b', 'o', 'x', 'X', 'c', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', '#b', '#o', '#x', '#X', '+', ' ', '-',
          '10', '<10', '^10', '=10', '010', '+010', '#010x', '#010_b', ',', '_', '_b', '_x', '_o', '_X', ',x', ',b', ',c',
          ',n', '_n', '08,', '09,', '010,', '07_', '012_x', '#012_x', '.2', '.2f', ',.3e', 'z', 'zd', 's', 'r', '+c', '#c',
          '05c', '^5c', '*<8', '*^+9', '0<8', '>+#12_o', 'abc', ',_', '\x01', '\u1234', '%', '.0%', 'n', '020_X', '#_x',
          '99999999999999999999', '=+12,', ' =12', '^=12']
ivals = [0, 1, -1, 7, -7, 42, 65, 255, -255, 1000, -1000, 1234, 123456789, -123456789, 2**31, 2**63, -2**63,
         2**64 + 1, 10**20, -10**25, 0x10ffff, 0x110000, 2**70 + 12345, 10**400, 9999]
for v in ivals:
    for s in ispecs:
        emit('ifmt', v, s, res(lambda: format(v, s)))
for _ in range(300):
    v = random.randint(-10**random.randint(1, 40), 10**random.randint(1, 40))
    s = random.choice(ispecs)
    emit('ifmt', v, s, res(lambda: format(v, s)))

# 4. format(str, spec)
sspecs = ['', 's', '10', '<10', '>10', '^10', '^11', '.2', '10.2', '*^9.3', 'x>4', '05', '<05', '=5', '+', ' ', '#', 'z',
          ',', '_', 'd', 'x', '.', '.0', '\u00e9^7', '0', '00', '3', 'abc', 's.1', '.3s', '!>3']
svals = ['', 'a', 'abc', 'hello world', 'd\u00e9j\u00e0', '\U0001f600x', 'ab\u0301c']
for v in svals:
    for s in sspecs:
        emit('sfmt', v, s, res(lambda: format(v, s)))

# 5. format(complex, spec)
cspecs = ['', 'e', 'f', 'g', 'E', 'G', 'F', 'n', '.2', '.2f', '10', '>20', '<20', '^20', '*^25.3e', '+', ' ', '-', '+.1f',
          '=10', '010', '0<10', '%', 'd', ',', '_.2f', 'z', 'z.1f', '#', '#.0f', '#g', ',.2f']
cvals = [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (1.0, 2.0), (-1.5, -2.5), (0.0, 1.0), (1e20, 1e-20),
         (float('inf'), float('nan')), (1234567.891, -0.0001), (-0.0, -0.0), (3.0, 0.0), (1.0, 1e16)]
for re_, im in cvals:
    for s in cspecs:
        emit('cfmt', fb(re_), fb(im), s, res(lambda: format(complex(re_, im), s)))
    emit('crepr', fb(re_), fb(im), repr(complex(re_, im)))

# 6. percent formatting: args are typed values i:/f:/s: ; 'T' marks a tuple, 'D' a dict (key=value)
def enc_arg(a):
    if isinstance(a, bool): raise ValueError
    if isinstance(a, int): return 'i:%d' % a
    if isinstance(a, float): return 'f:' + fb(a)
    return 's:' + a
pcases = [
    ('%s', ('abc',)), ('%s', 5), ('%d', (3,)), ('%d', (3.7,)), ('%i', (-3.7,)), ('%5d|', (42,)), ('%-5d|', (42,)),
    ('%05d', (-42,)), ('%+d', (5,)), ('% d', (5,)), ('%+05d', (5,)), ('%x', (255,)), ('%X', (255,)), ('%#x', (255,)),
    ('%#X', (255,)), ('%#o', (8,)), ('%o', (-8,)), ('%#08x', (255,)), ('%-#8x|', (255,)), ('%#-08x|', (255,)),
    ('%.5d', (-3,)), ('%+.3x', (255,)), ('%#.5X', (255,)), ('%8.5d|', (42,)), ('%-8.5d|', (-42,)), ('%08.5d', (42,)),
    ('%f', (1.5,)), ('%.2f', (2.675,)), ('%10.3f|', (-1.5,)), ('%-10.3f|', (-1.5,)), ('%010.3f', (-1.5,)),
    ('%+.0e', (12.0,)), ('%e', (0.0,)), ('%E', (1e-10,)), ('%g', (1e-5,)), ('%#g', (1.0,)), ('%G', (1e20,)),
    ('%.100f', (1e300,)), ('%.3g', (1234.5,)), ('%#.0f', (2.0,)), ('%F', (float('nan'),)), ('%010f', (float('-inf'),)),
    ('%+f', (float('inf'),)), ('% f', (1.0,)), ('% 010.2f', (3.14159,)), ('%-+10.2f|', (3.14159,)),
    ('%c', (65,)), ('%c', ('x',)), ('%3c|', (65,)), ('%-3c|', ('x',)), ('%05c', ('y',)), ('%c', (0x110000,)), ('%c', (-1,)),
    ('%c', ('ab',)), ('%c', (1.5,)), ('%r', ('a',)), ('%a', ('\u00e9',)), ('%5r|', ('a',)), ('%.2r', ('abc',)),
    ('%5.1s|', ('abc',)), ('%.0s|', ('abc',)), ('%08.3s|', ('abc',)), ('%-6s|', ('ab',)), ('%05s', ('ab',)),
    ('%s %s', (1,)), ('%s', (1, 2)), ('abc', ()), ('abc', 5), ('%y', ()), ('%y', (1,)), ('%5%', ()), ('%5%', (1,)),
    ('%%', ()), ('%%%s%%', ('x',)), ('%', ()), ('%-', (1,)), ('%5', (1,)), ('%.', (1,)), ('%5.', (1,)), ('%l', (1,)),
    ('%ld', (5,)), ('%lld', (5,)), ('%hhd', (5,)), ('%z', (5,)), ('%\x80', (1,)), ('ab%\u1234', (1,)), ('%*d|', (5, 3)),
    ('%-*d|', (-5, 3)), ('%*d|', (-5, 3)), ('%.*f', (2, 1.2345)), ('%.*d', (-3, 3)), ('%*.*f|', (8, 2, 3.14159)),
    ('%*d', ('a', 1)), ('%.*f', (1.5, 2.0)), ('%*', (5,)), ('%.*', (5,)), ('%d', ('1',)), ('%x', (1.7,)), ('%x', ('a',)),
    ('%e', ('a',)), ('%s %d %f %x', ('a', 1, 2.5, 255)), ('%(a)s', {'a': 1}), ('%(a)s %(b)05d', {'a': 'x', 'b': 7}),
    ('%(a)s %s', {'a': 1}), ('%(a)*d', {'a': 1}), ('%(a', {'a': 1}), ('%(a)', {'a': 1}), ('%(a)s', (1,)),
    ('%(a(b)c)s', {'a(b)c': 5}), ('abc', {'a': 1}), ('%s', {'a': 1}), ('%(x)s', {'a': 1}), ('%d%%', (50,)),
    ('%i', (2**70,)), ('%x', (-2**70,)), ('%.20d', (-12,)), ('%#.3o', (8,)), ('%u', (-3,)), ('%\u00e9', (1,)),
    ('\u00e9\u00e9%y', (1,)), ('%0-5d|', (3,)), ('%- 5d|', (3,)), ('%#5o|', (8,)), ('%#05o', (8,)), ('%+#07x', (255,)),
    ('%+#07X', (-255,)), ('% #x', (255,)), ('%-#10.4x|', (255,)), ('%10.4s|', ('abcdefg',)), ('%.3a', ('\u00e9\u00e9',)),
    ('%s', ('\U0001f600',)), ('%5s|', ('\U0001f600',)), ('%-5c|', ('\u00e9',)), ('%e', (10**400,)), ('%d', (float('inf'),)),
    ('%d', (float('nan'),)), ('%.0e', (2.5,)), ('%.0f', (0.5,)), ('%.0f', (1.5,)), ('%.1f', (0.25,)), ('%.2e', (12345.678,)),
]
for fmt, args in pcases:
    if isinstance(args, tuple): enc = 'T' + ''.join('\x1f' + enc_arg(a) for a in args)
    elif isinstance(args, dict): enc = 'D' + ''.join('\x1f%s=%s' % (k, enc_arg(v)) for k, v in args.items())
    else: enc = 'S\x1f' + enc_arg(args)
    emit('pct', fmt, enc, res(lambda: fmt % args))

# 7. int(str, base)
istrs = ['0', '1', '-1', '+1', ' 12 ', '\t\n12\x0b\x0c\r', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101',
         '0x_1f', '0x__1f', '0_0', '00', '010', '0_1', '-0x10', '+0b1', '0b', '0x', '', ' ', '-', '+', '+_1', '- 1', '1 2',
         '12a', 'z', 'Z', 'zz', '\u0661\u0662\u0663', '\uff11\uff12', '\u00851\u2003', '\x1c1', '1\x1c', '1\x00', '\u00e9',
         '9' * 30, '-' + '7' * 50, '1' * 4300, '1' * 4301, '1' * 5000 + 'x', '0b' + '1' * 5000, '1.5', '1e5', '0o8', '0b2',
         '0xg', 'inf', '123456789012345678901234567890', 'a' * 250, "it's", '"q"\'', '0_x1']
bases = [10, 0, 2, 8, 16, 36, 7, 1, 37]
for s in istrs:
    for b in (bases if len(s) < 100 else [10, 0, 16]):
        r = res(lambda: int(s, b))
        if isinstance(r, int):
            r = str(r) if abs(r) < 10**4000 else 'BIG:%d' % r.bit_length()
        emit('int', s, b, r)

# 8. float(str)
fstrs = ['0', '1', '-1', '+1.5', ' 1.5 ', '1.', '.5', '.', '1e5', '1E5', '1e', '1e+', '1e-5', '1.e5', '.e5', 'e5', '1_000.5',
         '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0', '1_e10', 'inf', '-inf', '+INF', 'Infinity', '-iNfInItY', 'infinit',
         'infinityx', 'nan', '-nan', 'NaN', '+nan', 'nan0', ' \t1\n', '\u00a01.5\u2003', '\u0661.\u0662', '1\x00', '0x10',
         '1e500', '-1e500', '1e-400', '4.9e-324', '2.4703282292062327e-324', '2.4703282292062328e-324',
         '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '0.1', '123456789012345678901234567890',
         '1' * 400, '0.' + '0' * 400 + '1', '', ' ', '- 1', '1 2', '\u00e9', '1e0001', '0e999999999999999999', '1.5j', '--1',
         '+-1', '00001', '1_0', '1\x1c', '12345.678e-3']
for s in fstrs:
    r = res(lambda: float(s))
    emit('float', s, r if isinstance(r, str) else fb(r))

# 9. misc float/int conversions
hexvals = specials + [rand_double() for _ in range(150)]
for x in hexvals:
    emit('hex', fb(x), x.hex())
    r = res(lambda: x.as_integer_ratio())
    emit('ratio', fb(x), r if isinstance(r, str) else '%d/%d' % r)
    r = res(lambda: int(x))
    emit('toint', fb(x), r if isinstance(r, str) else str(r))
    r = res(lambda: round(x))
    emit('round0', fb(x), r if isinstance(r, str) else str(r))
    for n in [0, 1, 2, 3, -1, -2, 5, 10, 15, 20, -5, -300, 300, 323, 324, -308, -309, 400, -400]:
        r = res(lambda: round(x, n))
        emit('round', fb(x), n, r if isinstance(r, str) else fb(r))
for x in [2.675, 0.125, 0.375, 2.5, 3.5, -2.5, 0.5, 1.5, 1e300, 1.7976931348623157e308, 5e-324, 0.285, 1.005, 0.045]:
    for n in [0, 1, 2, -1, -300, -308, 300]:
        r = res(lambda: round(x, n))
        emit('round', fb(x), n, r if isinstance(r, str) else fb(r))

fromhex_strs = ['0x1p0', '0x1.8p1', ' -0X1.8P+1 ', '1', '0x', 'x1', '0x.8', '0x8.', '.8', '0x1.p', '0x1p', '0x1p+', '0x1p-1074',
                '0x1p-1075', '0x1.0000000000001p-1075', '0x3p-1076', '0x1p-1076', '0x1p1023', '0x1p1024', '0x1.fffffffffffffp1023',
                '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '0x1p10000 x', '0x1p-10000 x', '0x1p-10000', 'inf',
                '-Infinity', 'nan', '-nan', ' 0x1 ', '0x1 x', '0x1.000000000000080p0', '0x1.000000000000080001p0',
                '0x1.000000000000180p0', '0x1.00000000000017fp0', '0x0.0p0', '-0x0p0', '0x00000000000001p-4',
                'abc', '0xg', '0x1p99999999999999999999', '0x1p-99999999999999999999', '0x0p99999999999999999999',
                '0x1.123456789abcdef123456789abcdefp-1030', '1e10', '0X1P+1', '0x1p+1\n', '\u00a00x1', '0x1_0',
                'ffffffffffffffffffffffff', '0x.0000000000000000000000001p100']
for s in fromhex_strs:
    r = res(lambda: float.fromhex(s))
    emit('fromhex', s, r if isinstance(r, str) else fb(r))

bigs = [0, 1, -1, 2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, -(2**53 + 3), 2**54 + 2, 2**54 + 6, 2**64 - 1, 10**20,
        2**1024, 2**1024 - 2**970, 2**1024 - 2**971, 2**1024 - 2**970 - 1, 10**308, 10**309, -10**400,
        (2**53 + 1) * 2**100, (2**53 + 1) * 2**100 + 1, 12345678901234567890123]
bigs += [random.randint(-2**random.randint(1, 1100), 2**random.randint(1, 1100)) for _ in range(100)]
for v in bigs:
    r = res(lambda: float(v))
    emit('tofloat', v, r if isinstance(r, str) else fb(r))
divs = [(1, 3), (2, 3), (-1, 3), (0, 5), (0, -5), (1, 0), (10**400, 1), (10**400, 10**399), (1, 10**400),
        (2**1100, 3**600), (3**700, 2**2100), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, -2**1075 + 1),
        (2**1024, 2), (2**1024 - 1, 1), (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1), (10**30, 7), (-10**30, 7),
        (2**53 + 1, 1), (2**60 + 1, 2**7), (7, 2**60 + 1)]
divs += [(random.randint(-2**random.randint(1, 1200), 2**random.randint(1, 1200)), random.randint(1, 2**random.randint(1, 1200)) * random.choice([1, -1])) for _ in range(60)]
for a, b in divs:
    r = res(lambda: a / b)
    emit('div', a, b, r if isinstance(r, str) else fb(r))

# 10. repr(str)
strs = ['', 'a', "'", '"', '\'"', 'a\'b', 'a"b', '\\', '\n\t\r', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad\xff', '\u0100\u0300',
        '\u2028\u2029\u200b\ufeff', '\ud7ff\ue000\uf8ff\ufffd\uffff', '\U0001f600\U000e0001\U0010ffff\U0001ffff',
        'caf\u00e9', '\u4e2d\u6587', '\u0378\u0379\u037f', '\u180e\u061c', "it's \"q\""]
for s in strs:
    emit('srepr', s, repr(s))
for _ in range(2000):
    s = ''.join(chr(random.choice([random.randint(0, 0x7f), random.randint(0x80, 0x3000), random.randint(0, 0xd7ff),
                                   random.randint(0xe000, 0x10ffff)])) for _ in range(random.randint(0, 6)))
    emit('srepr', s, repr(s))

sys.stdout.write('\n'.join(out) + '\n')
