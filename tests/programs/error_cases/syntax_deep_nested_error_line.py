def outer():
    def inner():
        values = {
            "a": 1,
            "b": 2
            "c": 3,
        }
        return values
    return inner
