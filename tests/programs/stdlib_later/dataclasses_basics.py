from dataclasses import dataclass, field, asdict
@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = P(1, 2)
print(p, p == P(1, 2), P(1) < P(2), asdict(p))
@dataclass(frozen=True)
class F:
    a: int
try:
    F(1).a = 2
except Exception as e:
    print(type(e).__name__, e)
print(hash(F(1)) == hash(F(1)))
