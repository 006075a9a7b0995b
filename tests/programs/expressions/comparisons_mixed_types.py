print(1 == 1.0, 1 == True, 0 == False, 1.5 == 3/2, 2 ** 53 == 2.0 ** 53)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"), -10 ** 400 > float("-inf"))
print(1 < 1.5 < 2, 3 > True, None == None, None == 0)
print([1, 2] == [1, 2], [1, 2] == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
print("abc" < "abd", "B" < "a", "" < "a", "a" == "a")
print({1: 2} == {1: 2}, {1, 2} == {2, 1}, {1, 2} == frozenset({1, 2}))
for a, b in [(1, "1"), ([1], (1,)), (None, 0), ({}, [])]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print(1 != "1", [] != (), b"a" == "a")
nan = float("nan")
print(nan < 1, nan > 1, nan == nan, nan != nan, [nan] == [nan])
print(float("inf") == float("inf"), -0.0 == 0.0)
