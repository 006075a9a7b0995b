import itertools as it
print(list(it.islice(it.count(10, 5), 4)), list(it.chain("ab", [1])), list(it.repeat("x", 3)))
print(list(it.permutations("abc", 2)), list(it.combinations(range(4), 2)), list(it.product("ab", repeat=2)))
print([(k, list(g)) for k, g in it.groupby("aabbbc")], list(it.accumulate([1, 2, 3, 4])))
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.takewhile(lambda x: x < 3, range(10))), list(it.dropwhile(lambda x: x < 3, range(6))))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.compress("abcd", [1, 0, 1, 0])), list(it.pairwise("abcd")))
