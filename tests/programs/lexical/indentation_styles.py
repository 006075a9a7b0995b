if True:
  print("two spaces")
  if True:
          print("ten spaces")
if True:
	print("tab")
def f():
 return "one space"
print(f())
class A:
        def m(self):
                return "eight"
print(A().m())
for i in range(1):
    if i == 0:
        pass
    else:
        pass
    print("done")
x = [1,
2,
        3]
print(x)
