print("pkg.sub running, __package__ =", __package__)
NAME = "submodule"
