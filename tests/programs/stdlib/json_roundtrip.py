# json round trips (Lib/json without _json): str escapes and surrogates go
# through the codec machinery; encodings of bytes input are detected.
import json

values = [
    None, True, False, 0, -17, 2**70, 1.5, -0.0, 1e300, "", "plain", "tab\tnew\nline\"quote\\",
    "é€\U0001F600", "\x00\x1f\x7f", [], {}, [1, [2, [3, {"a": None}]]],
    {"k": "v", "n": [1.25, "x"], "nested": {"deep": [True, False]}},
]
for v in values:
    s = json.dumps(v)
    back = json.loads(s)
    print(s, back == v, json.dumps(v, ensure_ascii=False))

print(json.dumps({"b": 1, "a": [1, 2]}, sort_keys=True, indent=4))
print(json.dumps([1, {"x": 2}], separators=(",", ":")))
print(json.dumps({1: "int key", 2.5: "float key", None: "none", True: "bool"}))
print(json.loads('"\\ud83d\\ude00"') == "\U0001F600", ascii(json.loads('"\\ud800"')))
print(json.loads('[1.0, 2e3, -5, 1E-2]'), json.loads('{"a": NaN, "b": Infinity}'))
print(json.dumps(float("inf")), json.dumps([float("nan")]))
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8-sig", "utf-16", "utf-32"]:
    data = '{"é": [1, "€"]}'.encode(enc)
    print(enc, json.loads(data))
print(json.loads(bytearray(b'[1, 2]')))
for bad in ['{"a" 1}', '[1, 2', '"abc', '{"a": 1,}', 'nul', '[1] x', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
try:
    json.dumps({"a": object})
except TypeError as e:
    print("TypeError:", e)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def default(o):
    if isinstance(o, Point):
        return {"__point__": [o.x, o.y]}
    raise TypeError(type(o).__name__)
def hook(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
s = json.dumps([Point(1, 2), {"p": Point(3, 4)}], default=default)
print(s)
back = json.loads(s, object_hook=hook)
print(back[0].x, back[0].y, back[1]["p"].y)
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('1.1', parse_float=lambda t: "F" + t), json.loads('7', parse_int=lambda t: int(t) * 2))
enc = json.JSONEncoder(indent=1)
print(list(enc.iterencode({"z": [1]})))
print(json.JSONDecoder().raw_decode('[1, 2] tail'))
