# Bulk random vectors (not committed as data): python3 gen_bulk.py SEED > /tmp/bulk.txt
# then: FORMAT_BULK=/tmp/bulk.txt cargo test --release -- --ignored bulk_file
import random, struct, math, sys
random.seed(int(sys.argv[1]))
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
def fb(x): return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def rd():
    r = random.random()
    if r < 0.5: return struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if r < 0.7: return round(random.uniform(-1000, 1000), random.randint(0, 6))
    if r < 0.9: return random.uniform(-1, 1) * 10.0 ** random.randint(-30, 30)
    return float(random.randint(-10**6, 10**6)) * 2.0 ** random.randint(-60, 60)
out=[]
def res(f):
    try: return f()
    except Exception as e: return '!%s: %s' % (type(e).__name__, e)
for _ in range(200000):
    x = rd()
    if math.isnan(x): continue
    out.append('repr\t%s\t%s' % (fb(x), repr(x)))
fills = ['', '*', '0', ' ', 'é']
for _ in range(100000):
    x = rd()
    if math.isnan(x): continue
    spec = ''
    if random.random() < 0.3: spec += random.choice(fills) + random.choice('<>=^')
    if random.random() < 0.3: spec += random.choice('+- ')
    if random.random() < 0.1: spec += 'z'
    if random.random() < 0.2: spec += '#'
    if random.random() < 0.2: spec += '0'
    if random.random() < 0.4: spec += str(random.randint(0, 30))
    if random.random() < 0.2: spec += random.choice(',_')
    if random.random() < 0.6: spec += '.' + str(random.choice([0,1,2,3,5,10,16,17,20,40]))
    if random.random() < 0.8: spec += random.choice('eEfFgGn%')
    out.append('ffmt\t%s\t%s\t%s' % (fb(x), esc(spec), esc(str(res(lambda: format(x, spec))))))
    v = random.randint(-10**random.randint(0,30), 10**random.randint(0,30))
    ispec = spec.replace('z','')
    if random.random() < 0.5:
        ispec = ''.join(c for c in ispec.split('.')[0]) + random.choice(['', 'b', 'o', 'x', 'X', 'd', 'n', 'c'])
    out.append('ifmt\t%d\t%s\t%s' % (v, esc(ispec), esc(str(res(lambda: format(v, ispec))))))
    n = random.randint(-20, 20)
    r = res(lambda: round(x, n))
    out.append('round\t%s\t%d\t%s' % (fb(x), n, esc(r) if isinstance(r, str) else fb(r)))
    p = random.randint(0, 25)
    c = random.choice('eEfFgG')
    fl = random.choice(['', '#', '+', ' ', '-', '0', '-#'])
    fmt = '%' + fl + str(random.randint(0, 30)) + '.' + str(p) + c
    out.append('pct\t%s\tT\x1ff:%s\t%s' % (esc(fmt), fb(x), esc(str(res(lambda: fmt % x)))))
    s = '%x' % random.getrandbits(random.randint(1,80))
    s = s[:random.randint(0,len(s))] + '.' + s[random.randint(0,len(s)):] + 'p' + str(random.randint(-1100,1100))
    r = res(lambda: float.fromhex(s))
    out.append('fromhex\t%s\t%s' % (s, esc(r) if isinstance(r, str) else fb(r)))
    a = random.randint(-2**random.randint(1,1200), 2**random.randint(1,1200)); b = random.randint(1, 2**random.randint(1,1200))
    r = res(lambda: a / b)
    out.append('div\t%d\t%d\t%s' % (a, b, esc(r) if isinstance(r, str) else fb(r)))
    ds = str(random.randint(0, 10**random.randint(1,25))) 
    ds = ds[:random.randint(0,len(ds))] + '.' + ds + random.choice(['', 'e' + str(random.randint(-330, 310))])
    r = res(lambda: float(ds))
    out.append('float\t%s\t%s' % (ds, esc(r) if isinstance(r, str) else fb(r)))
print('\n'.join(out))
out=[]
alpha = list('0123456789_ +-xXoObBabcfeE.\t') + ['\u0661', '\u00a0', 'inf', 'nan', 'infinity', '_', '0x', '0b', '0o']
for _ in range(100000):
    s = ''.join(random.choice(alpha) for _ in range(random.randint(0, 7)))
    b = random.choice([0, 10, 2, 8, 16, 36])
    r = res(lambda: int(s, b))
    out.append('int\t%s\t%d\t%s' % (esc(s), b, esc(str(r))))
    r = res(lambda: float(s))
    out.append('float\t%s\t%s' % (esc(s), esc(r) if isinstance(r, str) else fb(r)))
    r = res(lambda: float.fromhex(s))
    out.append('fromhex\t%s\t%s' % (esc(s), esc(r) if isinstance(r, str) else fb(r)))
    # str/complex formatting
    spec = ''
    if random.random() < 0.5: spec += random.choice(fills) + random.choice('<>=^')
    if random.random() < 0.2: spec += random.choice('+- ')
    if random.random() < 0.1: spec += '#'
    if random.random() < 0.2: spec += '0'
    if random.random() < 0.6: spec += str(random.randint(0, 30))
    if random.random() < 0.1: spec += random.choice(',_')
    if random.random() < 0.5: spec += '.' + str(random.randint(0, 12))
    st = ''.join(random.choice('abcé😀 ') for _ in range(random.randint(0, 10)))
    out.append('sfmt\t%s\t%s\t%s' % (esc(st), esc(spec + random.choice(['', '', 's'])), esc(str(res(lambda: format(st, spec))))))
    z = complex(rd(), rd()) if random.random() < 0.8 else complex(random.choice([0.0, -0.0, 1.0]), random.choice([0.0, -0.0, 2.5]))
    cs = spec + random.choice(['', 'e', 'f', 'g', 'G', 'n'])
    out.append('cfmt\t%s\t%s\t%s\t%s' % (fb(z.real), fb(z.imag), esc(cs), esc(str(res(lambda: format(z, cs))))))
    v = random.randint(-10**random.randint(0,30), 10**random.randint(0,30))
    fl = ''.join(random.choice('-+ #0') for _ in range(random.randint(0, 3)))
    fmt = 'a%' + fl + random.choice(['', str(random.randint(0, 30))]) + random.choice(['', '.' + str(random.randint(0, 30))]) + random.choice('diuoxXcsr') + 'b'
    vv = v if not fmt.endswith('cb') else random.randint(0, 0x10ffff)
    if 0xd800 <= vv < 0xe000: vv = 65
    out.append('pct\t%s\tT\x1fi:%d\t%s' % (esc(fmt), vv, esc(str(res(lambda: fmt % vv)))))
print('\n'.join(out))
