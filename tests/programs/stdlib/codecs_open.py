# codecs.open and the stream reader/writer classes over a binary file, in
# a temporary directory under the program's directory.
import codecs
import os

d = "codecs_open_tmp"
os.mkdir(d)
try:
    p = os.path.join(d, "t.txt")
    for enc in ["utf-8", "utf-16", "cp1252", "koi8_r", "utf-8-sig"]:
        text = "héllo wörld\nsecond line\n" if enc != "koi8_r" else "привет\nмир\n"
        with codecs.open(p, "w", encoding=enc) as f:
            f.write(text)
        with open(p, "rb") as f:
            raw = f.read()
        with codecs.open(p, "r", encoding=enc) as f:
            back = f.read()
        with codecs.open(p, "r", encoding=enc) as f:
            lines = f.readlines()
        print(enc, raw, back == text, lines)
    with open(p, "wb") as f:
        f.write(b"ok \xff bad\n")
    with codecs.open(p, "r", encoding="utf-8", errors="replace") as f:
        print(ascii(f.read()))
    try:
        with codecs.open(p, "r", encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    info = codecs.lookup("utf-16")
    print(info.streamreader.__name__, info.streamwriter.__name__, codecs.getreader("cp1252").__module__)
finally:
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)
