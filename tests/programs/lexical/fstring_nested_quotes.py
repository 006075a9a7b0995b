d = {"a": 1, 'b': 2}
print(f"{d['a']}")
print(f'{d["b"]}')
print(f"""{d["a"]} and {d['b']}""")
print(f'''{"nested " + 'quotes'}''')
print(f"{f'{1 + 1}'}")
print(f"{f'{3}'}")
name = "x"
print(f"{name!r:>{len(name) + 4}}")
items = ["a", "b"]
print(f"{', '.join(items)}")
print(f"{'%s' % 'pct'}")
print(f"{'{}'.format(5)}")
print(f"{dict(x=1)}")
print(f"{ {1, 2} }" if False else f"{sorted({2, 1})}")
