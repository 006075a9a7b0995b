print("pkg __init__ running")
init_value = "from init"
