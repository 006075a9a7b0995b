NAME = "dynamic target"
