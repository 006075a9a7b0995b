from_init = "init ok"
