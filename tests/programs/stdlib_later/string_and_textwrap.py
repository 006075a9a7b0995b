import string, textwrap
print(string.ascii_letters, string.digits, string.punctuation)
print(string.Template("$who likes $what").substitute(who="tim", what="pie"))
print(textwrap.wrap("The quick brown fox jumps over the lazy dog", 15))
print(textwrap.dedent("    a\n      b\n    c"))
print(textwrap.fill("word " * 10, width=20))
print(textwrap.shorten("Hello world, how are you doing today", width=20))
print(string.capwords("hello   world"))
