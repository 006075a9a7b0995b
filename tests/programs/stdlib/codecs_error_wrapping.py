# Which codec exceptions codecs.encode wraps ("encoding with ... failed"):
# only those carrying nothing but a message, as _PyErr_TrySetFromCause.
import codecs
class E3(Exception):
    def __init__(self, m):
        super().__init__(m)
class E4(Exception):
    def __new__(cls, *a):
        return super().__new__(cls, *a)
class E5(Exception):
    __slots__ = ('x',)
class E6(ValueError):
    pass
def s(n):
    def enc(x, errors='strict'):
        raise {'3': E3, '4': E4, '5': E5, '6': E6, 'u': UnicodeError, 'k': KeyboardInterrupt, 's': StopIteration, 'a': AttributeError}[x]('msg')
    if n == 'w':
        return codecs.CodecInfo(enc, enc)
codecs.register(s)
for x in "3456uksa":
    try:
        codecs.encode(x, 'w')
    except BaseException as e:
        print(type(e).__name__, e, repr(e.__cause__))
