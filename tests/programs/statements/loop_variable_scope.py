for i in range(3):
    pass
print(i)
def f():
    for j in []:
        pass
    try:
        return j
    except UnboundLocalError as e:
        return "UnboundLocalError"
print(f())
x = 10
for x in range(2):
    pass
print(x)
while (n := 0) > 1:
    pass
print(n)
try:
    pass
except Exception as err:
    pass
print("err" in dir())
try:
    1 / 0
except ZeroDivisionError as err:
    pass
print("err" in dir())
