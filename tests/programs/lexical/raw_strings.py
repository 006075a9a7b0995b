print(r"\n\t", R"\d+", r'\'', r"\"")
print(len(r"\n"), len("\n"))
print(rb"\x00", Rb"\n", bR"\t", BR"a\b")
print(repr(r"C:\path\to"))
print(r"""raw
triple\n""")
print(r"\N{DASH}")
print(r"\u0041", "\u0041")
print(rf"{1+1}\n", fr"\t{'x'}")
