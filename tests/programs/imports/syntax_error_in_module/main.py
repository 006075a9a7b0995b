try:
    import bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename.rsplit("/", 1)[-1], repr(e.text))
import bad_syntax
