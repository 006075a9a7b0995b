def tokens(s):
    for tok in s.split():
        match tok:
            case "+" | "-" | "*" | "/":
                yield ("op", tok)
            case t if t.isdigit():
                yield ("num", int(t))
            case t:
                yield ("name", t)
print(list(tokens("x + 12 * y - 3")))
def rpn(expr):
    stack = []
    for tok in expr.split():
        match tok:
            case "+":
                b, a = stack.pop(), stack.pop(); stack.append(a + b)
            case "*":
                b, a = stack.pop(), stack.pop(); stack.append(a * b)
            case "-":
                b, a = stack.pop(), stack.pop(); stack.append(a - b)
            case _:
                stack.append(int(tok))
    return stack
print(rpn("3 4 + 2 * 7 -"))
for i in range(5):
    match i:
        case 2:
            continue
        case 4:
            break
    print("i", i)
