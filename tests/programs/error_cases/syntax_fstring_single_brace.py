print(f"unbalanced } brace")
