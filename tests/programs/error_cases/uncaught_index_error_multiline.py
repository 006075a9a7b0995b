data = [1, 2, 3]
value = (
    data[0] +
    data[10]
)
