x = 42
name = "Ada"
print(f"{x}", f"{x!r}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{x=}", f"{name=}", f"{x + 1 = }", f"{name=!s}", f"{x=:>6}")
print(f"{{literal}} {x}")
print(F"upper {x}", f'single {x}', f"""triple {x}""", f'''t {x}''')
print(f"{x:5}|{x:<5}|{x:^5}|{x:>5}|{x:05}")
print(f"{3.14159:.2f} {1234567:,} {1234567:_} {255:x} {255:#X} {255:#o} {5:#b}")
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|")
print(f"{'nested' + ' ' + 'expr'}")
print(f"{ {'a': 1}['a'] }")
print(f"{[1, 2, 3][1:]}")
print(f"{(lambda y: y * 2)(21)}")
print(f"{x if x > 40 else 0}")
print(f"{'a' 'b'}")
d = {"key": "val"}
print(f"{d['key']}", f'{d["key"]}')
print(f"{name:*^11}")
print(f"{x:{'>'}{w}}")
