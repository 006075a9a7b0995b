print("lazy_mod loaded")
def value():
    return "lazy value"
