real = "real attribute"
def __getattr__(name):
    if name == "forbidden":
        raise AttributeError(f"module {__name__!r} forbids {name!r}")
    return f"<computed {name}>"
def __dir__():
    return ["real", "virtual"]
