def where():
    return __name__ + " in " + __package__
