# Every truncation of valid marshal data fails as in CPython (type and
# message). Random bytes are fuzzed in stdlib/tests/marshal_props.rs instead:
# CPython allocates whatever a random length field claims, so its behaviour
# on them depends on the machine's memory.
import marshal
from collections import Counter

def s(*parts):
    return ''.join(parts)

shared = [s('sh')]
values = [
    12345678, 2**100, -(2**70), 1.25, complex(1, -2), s('text'), s('é€'), s('w') * 300, b'bytes',
    (1, s('a'), (2.5, None)), [1, [2, [3, [4]]]], {s('k'): [1, 2], 3: (4,)}, {1, 2, 3}, frozenset({s('f'), 5}),
    (shared, shared, {s('x'): shared}), [True, False, None, ..., StopIteration], tuple(range(300)),
]
for v in values:
    for version in range(5):
        data = marshal.dumps(v, version)
        outcomes = Counter()
        for n in range(len(data)):
            try:
                marshal.loads(data[:n])
                outcomes['ok'] += 1
            except Exception as e:
                outcomes[type(e).__name__ + ': ' + str(e)] += 1
        back = marshal.loads(data + b'trailing bytes')
        print(version, type(v).__name__, len(data), back == v, sorted(outcomes.items()))
