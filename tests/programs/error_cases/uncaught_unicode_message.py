raise ValueError("non-ascii message: é ü 日本")
