import json
data = {"name": "Ann", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None}
s = json.dumps(data, sort_keys=True)
print(s)
print(json.loads(s) == data, json.dumps([1, "é"]), json.dumps([1, "é"], ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads('{"a": [1, 2, {"b": null}]}'), json.loads("3.5"), json.loads('"\\u00e9"'))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
