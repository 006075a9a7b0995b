# PEP 263 declarations of encodings the parser does not decode itself go
# through the codec registry (cp1252, koi8-r, mac-roman, ...).
for src in [b'# coding: cp1252\nprint("\x81")\n', b'# coding: nonesuch\nprint(1)\n', b'# -*- coding: cp1252 -*-\ns = "\x80 caf\xe9"\n', b'# vim: set fileencoding=koi8-r :\ns = "\xd0\xd2"\n', b'\xef\xbb\xbf# coding: cp1252\nx = 1\n', b'#!/usr/bin/python\n# coding: mac-roman\ns = "\x8e"\n']:
    try:
        ns = {}
        exec(compile(src, 'f', 'exec'), ns)
        print(ascii(ns.get('s')))
    except SyntaxError as e:
        print("SyntaxError:", repr(e.msg), e.lineno)
