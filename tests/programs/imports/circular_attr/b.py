import a
try:
    a.X
except AttributeError as e:
    print(e)
