VALUE = "from namespace package module"
