class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([c.__name__ for c in Z.__mro__])
print([c.__name__ for c in Z.mro()])
class X: pass
class Y: pass
try:
    class Bad(X, Y, X): pass
except TypeError as e:
    print("TypeError:", e)
class P1(X, Y): pass
class P2(Y, X): pass
try:
    class Bad2(P1, P2): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad3(object, X): pass
except TypeError as e:
    print("TypeError:", e)
