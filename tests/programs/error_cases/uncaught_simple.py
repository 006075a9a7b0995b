print("before")
raise ValueError("simple uncaught")
