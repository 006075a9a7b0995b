"""Loops of benches/capi_instructions.py: one case, N iterations, no timing.

    python count.py CASE N

Runs under Pyrite and under CPython 3.11 with the `bench_capi` extension on
sys.path, inside callgrind. The harness runs each case at two values of N
and divides the difference in executed instructions by the difference in N,
so start-up and import cost cancel out.
"""

import sys

import bench_capi as m


def py_one(a):
    return a


def empty(n):
    for _ in range(n):
        pass


def noargs(n):
    f = m.noargs
    for _ in range(n):
        f()


def onearg(n):
    f = m.onearg
    x = 12345
    for _ in range(n):
        f(x)


def fastcall(n):
    f = m.fastcall
    a = 12345
    b = "b"
    for _ in range(n):
        f(a, b)


def varargs(n):
    f = m.varargs
    a = 12345
    b = "b"
    for _ in range(n):
        f(a, b)


def varargs_parse(n):
    f = m.varargs_parse
    a = 12345
    b = "b"
    for _ in range(n):
        f(a, b)


def fastcall_kw(n):
    f = m.fastcall_kw
    a = 12345
    b = "b"
    for _ in range(n):
        f(a, b=b)


def varargs_kw(n):
    f = m.varargs_kw
    a = 12345
    b = "b"
    for _ in range(n):
        f(a, b=b)


def pycall(n):
    f = py_one
    x = 12345
    for _ in range(n):
        f(x)


def callback(n):
    m.callback(py_one, n, 7)


if __name__ == "__main__":
    globals()[sys.argv[1]](int(sys.argv[2]))
