import os.path as p
print(p.join("a", "b", "c.txt"), p.basename("/x/y/z.py"), p.dirname("/x/y/z.py"), p.splitext("arch.tar.gz"))
print(p.split("/a/b"), p.normpath("a//b/../c/./d"), p.isabs("/x"), p.isabs("x"))
print(p.exists("definitely_not_here.txt"), p.isfile(__file__), p.isdir("."), p.basename(p.abspath(".")) != "")
print(p.commonprefix(["/usr/lib", "/usr/local"]), p.relpath("/a/b/c", "/a"), p.expanduser("~") != "~")
