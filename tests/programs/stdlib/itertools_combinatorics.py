# product, permutations, combinations, combinations_with_replacement.
import itertools as it
from math import comb, factorial, perm

print(list(it.product("ab", range(3))))
print(list(it.product("ab", repeat=2)), list(it.product()), list(it.product(repeat=0)), list(it.product("ab", [])))
print(list(it.product([1, 2], repeat=3)) == [(a, b, c) for a in [1, 2] for b in [1, 2] for c in [1, 2]])
print(list(it.product(iter("xy"), (0,))), len(list(it.product(range(3), range(4), range(5)))))

print(list(it.permutations("abc")), list(it.permutations("abc", 2)), list(it.permutations(range(3), 0)))
print(list(it.permutations([])), list(it.permutations("ab", 3)), list(it.permutations("ab", None)), list(it.permutations(iterable="ab", r=1)))
print(all(len(list(it.permutations(range(n), r))) == perm(n, r) for n in range(6) for r in range(7)))
print(list(it.permutations(range(4)))[:10])

print(list(it.combinations("abcd", 2)), list(it.combinations(range(4), 3)), list(it.combinations("ab", 0)), list(it.combinations("ab", 3)))
print(list(it.combinations([], 0)), list(it.combinations(iterable=[1, 2], r=1)))
print(all(len(list(it.combinations(range(n), r))) == comb(n, r) for n in range(7) for r in range(8)))

print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement([], 2)))
print(list(it.combinations_with_replacement("ab", 3)), list(it.combinations_with_replacement("ab", 0)))
print(all(len(list(it.combinations_with_replacement(range(n), r))) == comb(n + r - 1, r) for n in range(1, 6) for r in range(6)))

# Inputs are copied up front: later changes to the source do not show.
src = [1, 2, 3]
p = it.permutations(src, 2)
src.append(4)
print(len(list(p)), list(it.combinations(src, 4)))

# Exhausted iterators stay exhausted.
c = it.combinations("ab", 1)
print(list(c), list(c), next(c, "done"))

class P(it.product):
    pass
print(type(P("a", "b")).__name__, list(P("ab", repeat=1)))
