records = [(i % 5, i) for i in range(50)]
s = sorted(records, key=lambda r: r[0])
print(s[:12])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
rs = sorted(records, key=lambda r: r[0], reverse=True)
print(rs[:12])
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(words, key=len))
print(sorted(sorted(words), key=len, reverse=True))
