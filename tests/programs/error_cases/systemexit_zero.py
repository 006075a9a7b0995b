print("explicit zero")
raise SystemExit(0)
