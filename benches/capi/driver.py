"""Timing loops of the C API call-overhead benchmark (benches/capi_run.py).

Runs under Pyrite and under CPython 3.11 with the `bench_capi` extension
(benches/capi/bench_capi.c, built against that interpreter's headers) on
sys.path:

    python driver.py [N] [REPEAT]

Every case runs N operations per repeat (default 1,000,000), REPEAT times
(default 5); the best repeat is kept. Timing uses time.perf_counter.

Output lines:
  `check ...`  results and call counts: must be identical under both
               interpreters (the harness compares them);
  `time CASE KIND RAW NET`  ns per operation: RAW as measured, NET with the
               empty-loop baseline subtracted for the "call" cases (Python
               loop around one call), and equal to RAW for the cases whose
               loop runs inside one call ("cloop", "pyloop"), where no
               baseline applies;
  `baseline NS`  the empty `for _ in range(N): pass` loop, ns per iteration:
               timed (best of REPEAT) before every case, lowest figure kept.
"""

import sys
import time

import bench_capi as m

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
REPEAT = int(sys.argv[2]) if len(sys.argv) > 2 else 5
WARMUP = 1000
perf = time.perf_counter

try:
    import gc
    gc.disable()
except Exception:  # the measurement does not depend on it
    pass


# --- Python loops around one call: the call cases --------------------------

def t_empty(n):
    t0 = perf()
    for _ in range(n):
        pass
    return perf() - t0


def t_noargs(n):
    f = m.noargs
    t0 = perf()
    for _ in range(n):
        f()
    return perf() - t0


def t_onearg(n):
    f = m.onearg
    x = 12345
    t0 = perf()
    for _ in range(n):
        f(x)
    return perf() - t0


def t_fastcall(n):
    f = m.fastcall
    a = 12345
    b = "b"
    t0 = perf()
    for _ in range(n):
        f(a, b)
    return perf() - t0


def t_varargs(n):
    f = m.varargs
    a = 12345
    b = "b"
    t0 = perf()
    for _ in range(n):
        f(a, b)
    return perf() - t0


def t_varargs_parse(n):
    f = m.varargs_parse
    a = 12345
    b = "b"
    t0 = perf()
    for _ in range(n):
        f(a, b)
    return perf() - t0


def t_fastcall_kw(n):
    f = m.fastcall_kw
    a = 12345
    b = "b"
    t0 = perf()
    for _ in range(n):
        f(a, b=b)
    return perf() - t0


def t_varargs_kw(n):
    f = m.varargs_kw
    a = 12345
    b = "b"
    t0 = perf()
    for _ in range(n):
        f(a, b=b)
    return perf() - t0


def py_two(a, b):
    return a


def t_py_def(n):
    f = py_two
    a = 12345
    b = "b"
    t0 = perf()
    for _ in range(n):
        f(a, b)
    return perf() - t0


def t_builtin_len(n):
    f = len
    x = (1, 2, 3)
    t0 = perf()
    for _ in range(n):
        f(x)
    return perf() - t0


# --- loops run inside one call ---------------------------------------------

def cb(x):
    return x


def t_callback(n):
    f = m.callback
    t0 = perf()
    r = f(cb, n, 3)
    t = perf() - t0
    assert r == 3 * n, r
    return t


def t_py_callback(n):
    f = cb
    t0 = perf()
    total = 0
    for _ in range(n):
        total += f(3)
    t = perf() - t0
    assert total == 3 * n, total
    return t


def py_sumsq(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def t_c_sumsq(n):
    t0 = perf()
    m.sumsq(n)
    return perf() - t0


def t_c_sumsq_obj(n):
    t0 = perf()
    m.sumsq_obj(n)
    return perf() - t0


def t_py_sumsq(n):
    t0 = perf()
    py_sumsq(n)
    return perf() - t0


def py_list_sum(lst):
    total = 0
    for x in lst:
        total += x
    return total


LIST = list(range(N))


def t_c_list_sum(n):
    t0 = perf()
    m.list_sum(LIST)
    return perf() - t0


def t_py_list_sum(n):
    t0 = perf()
    py_list_sum(LIST)
    return perf() - t0


# (name, kind, timing function, a check: a call whose result is printed)
CASES = [
    ("METH_NOARGS f()", "call", t_noargs, lambda: m.noargs()),
    ("METH_O f(x)", "call", t_onearg, lambda: m.onearg(12345)),
    ("METH_FASTCALL f(a, b)", "call", t_fastcall, lambda: m.fastcall(12345, "b")),
    ("METH_VARARGS f(a, b)", "call", t_varargs, lambda: m.varargs(12345, "b")),
    ("METH_VARARGS + PyArg_ParseTuple(OO)", "call", t_varargs_parse,
     lambda: m.varargs_parse(12345, "b")),
    ("METH_FASTCALL|METH_KEYWORDS f(a, b=b)", "call", t_fastcall_kw,
     lambda: m.fastcall_kw(12345, b="b")),
    ("METH_VARARGS|METH_KEYWORDS + ParseTupleAndKeywords f(a, b=b)", "call", t_varargs_kw,
     lambda: m.varargs_kw(12345, b="b")),
    ("ref: Python def f(a, b)", "call", t_py_def, lambda: py_two(12345, "b")),
    ("ref: builtin len(t)", "call", t_builtin_len, lambda: len((1, 2, 3))),
    ("C->Python PyObject_CallOneArg(f, x), per call", "cloop", t_callback,
     lambda: m.callback(cb, 10, 3)),
    ("ref: Python loop calling f(x), per call", "pyloop", t_py_callback, lambda: cb(3)),
    ("C loop sum(i*i % 7), C longs, per iter", "cloop", t_c_sumsq, lambda: m.sumsq(N)),
    ("C loop sum(i*i % 7), PyNumber_* on ints, per iter", "cloop", t_c_sumsq_obj,
     lambda: m.sumsq_obj(N)),
    ("Python loop sum(i*i % 7), per iter", "pyloop", t_py_sumsq, lambda: py_sumsq(N)),
    ("C list sum PyList_GET_ITEM+PyLong_AsLong, per item", "cloop", t_c_list_sum,
     lambda: m.list_sum(LIST)),
    ("Python loop list sum, per item", "pyloop", t_py_list_sum, lambda: py_list_sum(LIST)),
]


def best(fn, n):
    fn(WARMUP)
    return min(fn(n) for _ in range(REPEAT))


def main():
    # The empty loop is timed again before every case and its lowest figure
    # is the baseline: one slow measurement (another process on the machine)
    # must not distort every subtracted figure.
    print("check N=%d REPEAT=%d" % (N, REPEAT))
    base = None
    results = []
    for name, kind, fn, check in CASES:
        b = best(t_empty, N) / N * 1e9
        base = b if base is None else min(base, b)
        before = m.get_ncalls()
        raw = best(fn, N) / N * 1e9
        after = m.get_ncalls()
        print("check %s: ncalls+=%d result=%r" % (name, after - before, check()))
        results.append((name, kind, raw))
    print("baseline %.3f" % base)
    for name, kind, raw in results:
        net = raw - base if kind == "call" else raw
        print("time %s\t%s\t%.3f\t%.3f" % (name, kind, raw, net))


main()
