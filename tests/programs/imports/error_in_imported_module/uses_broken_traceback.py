def explode():
    raise ValueError("raised inside imported module")
explode()
