print(issubclass(DeprecationWarning, Warning), issubclass(Warning, Exception))
for w in (UserWarning, DeprecationWarning, PendingDeprecationWarning, SyntaxWarning,
          RuntimeWarning, FutureWarning, ImportWarning, UnicodeWarning, BytesWarning,
          ResourceWarning, EncodingWarning):
    print(w.__name__, w.__base__.__name__)
try:
    raise UserWarning("as exception")
except Warning as e:
    print("caught", repr(e))
