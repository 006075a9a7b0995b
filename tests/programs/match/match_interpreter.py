def evaluate(expr, env):
    match expr:
        case int() | float():
            return expr
        case str(name):
            return env[name]
        case ("+", left, right):
            return evaluate(left, env) + evaluate(right, env)
        case ("*", left, right):
            return evaluate(left, env) * evaluate(right, env)
        case ("neg", operand):
            return -evaluate(operand, env)
        case ("let", str(name), value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case _:
            raise ValueError(f"bad expr {expr!r}")
print(evaluate(("+", 1, ("*", 2, 3)), {}))
print(evaluate(("let", "x", 5, ("*", "x", ("neg", "x"))), {}))
try:
    evaluate(("?", 1), {})
except ValueError as e:
    print("ValueError:", e)
