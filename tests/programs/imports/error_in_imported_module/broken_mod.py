print("broken_mod starting")
x = 1 / 0
