class Broken:
    value = 1 / 0
