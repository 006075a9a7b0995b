VALUE = "child"
