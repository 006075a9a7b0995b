class Thing:
    pass
t = Thing()
t.attribute_that_does_not_exist
