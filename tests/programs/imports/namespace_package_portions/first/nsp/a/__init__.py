WHERE = "first/a"
