tests = ["abc", "ABC", "abc123", "123", "١٢٣", "½", "²", " ", "\t\n", "", "a b", "_x", "x1", "1x",
         "Ⅻ", "é", "\u00a0", "def", "ÀÉ", "\x00", "ab\x7f"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(),
          t.isspace(), t.isidentifier(), t.isprintable(), t.isascii(), t.islower(), t.isupper())
