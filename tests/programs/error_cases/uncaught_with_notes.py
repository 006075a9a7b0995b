try:
    raise ValueError("base")
except ValueError as e:
    e.add_note("first note")
    e.add_note("second note")
    raise
