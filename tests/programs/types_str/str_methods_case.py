words = ["hello world", "HELLO", "Hello World", "hELLO wORLD", "ß", "ǅungla", "straße", "123abc", "o'neil mc-d", "ﬁ", "İ"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print("Σ".lower(), "ΑΣ".lower(), "ΑΣ Α".lower())
print("hello".istitle(), "Hello World".istitle(), "Hello world".istitle(), "".istitle())
print("ABC".isupper(), "abc".islower(), "aBc".isupper(), "123".isupper(), "A1".isupper())
