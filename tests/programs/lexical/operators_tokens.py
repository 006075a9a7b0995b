a, b = 7, 3
print(a+b, a-b, a*b, a/b, a//b, a%b, a**b, -a, +a, ~a)
print(a<<b, a>>1, a&b, a|b, a^b)
print(a<b, a>b, a<=b, a>=b, a==b, a!=b)
x = 10
x += 1; x -= 2; x *= 3; x //= 2; x %= 7; x **= 2; x <<= 2; x >>= 1; x &= 0xff; x |= 1; x ^= 3
print(x)
y = 9.0
y /= 2
print(y)
print(not a, a and b, a or b, a if b else 0)
print([1,2,3][-1], (1,)[0], {1:2}[1])
class M:
    def __matmul__(self, o): return "matmul"
    def __imatmul__(self, o): return "imatmul"
m = M()
print(m @ m)
m @= m
print(m)
print(1 if 1 else 2, (lambda: 5)(), ...)
print(a<b<10, 1<2>0, 1==1.0!=2)
