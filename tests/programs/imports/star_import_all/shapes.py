__all__ = ["area_square", "PUBLIC"]
PUBLIC = "public"
_private = "private"
def area_square(s):
    return s * s
def hidden_func():
    pass
