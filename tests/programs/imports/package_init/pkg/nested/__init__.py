print("pkg.nested __init__")
