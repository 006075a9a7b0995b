assert True
assert 1 == 1, "never"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert 1 > 2, "custom message"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print(e.args)
def msg():
    print("msg evaluated")
    return "m"
assert True, msg()
try:
    assert 0, msg()
except AssertionError as e:
    print(e)
print(__debug__)
