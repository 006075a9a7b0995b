# The node classes: hierarchy, _fields, constructors and their errors,
# defaults, pattern matching on nodes, and compile() validation errors.
import ast

print(ast.AST._fields, ast.AST._attributes, ast.AST.__module__)
for name in ["Module", "Expression", "FunctionDef", "BinOp", "Name", "Constant", "arguments", "arg",
             "keyword", "alias", "withitem", "match_case", "MatchAs", "ExceptHandler", "comprehension",
             "Load", "Add", "TypeIgnore", "FunctionType", "Slice"]:
    cls = getattr(ast, name)
    print(name, cls.__bases__[0].__name__, cls._fields, cls._attributes, cls.__match_args__)
print(ast.BinOp.__doc__)
print(ast.expr_context.__doc__)
print(sorted(k for k, v in vars(ast.arg).items() if v is None))
print(issubclass(ast.Name, ast.expr), issubclass(ast.Load, ast.expr_context), issubclass(ast.Module, ast.mod))
print(ast.Name.__mro__)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

n = ast.Name("x", ast.Load(), lineno=3, col_offset=4)
print(n.id, type(n.ctx).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
print(sorted(vars(n)))
c = ast.Constant(5)
print(c.value, c.kind, c.n)
b = ast.BinOp(ast.Constant(1))
print(sorted(vars(b)))
try:
    b.right
except AttributeError as e:
    print("AttributeError", e)
for args in [(1, 2, 3, 4), (1, 2, 3, 4, 5)]:
    try:
        ast.BinOp(*args)
    except TypeError as e:
        print("TypeError", e)
for cls, args in [(ast.Expr, (1, 2)), (ast.Load, (1,)), (ast.AST, (1,)), (ast.Pass, (1,))]:
    try:
        cls(*args)
    except TypeError as e:
        print("TypeError", e)
a = ast.AST()
a.anything = 1
print(vars(a), a.__reduce__()[1:])

class MyNode(ast.AST):
    _fields = ("a", "b")
m = MyNode(1, b=2)
print(m.a, m.b, ast.dump(m))

# deprecated aliases from ast.py
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant("s"), ast.Str), type(ast.Num(3)).__name__)

# structural pattern matching on nodes
def describe(node):
    match node:
        case ast.BinOp(ast.Constant(l), ast.Add(), ast.Constant(r)):
            return f"add {l} {r}"
        case ast.Name(id=name):
            return f"name {name}"
        case ast.Call(func=ast.Name(f), args=[*args]):
            return f"call {f} with {len(args)}"
        case _:
            return "other"
for s in ["1 + 2", "x", "f(1, 2)", "[]"]:
    print(describe(ast.parse(s, mode="eval").body))

# compile() of malformed trees
def check(tree, mode="exec"):
    try:
        compile(tree, "<t>", mode)
        print("ok")
    except (TypeError, ValueError, SyntaxError, OverflowError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])

M = lambda *body: ast.fix_missing_locations(ast.Module(list(body), []))
N = lambda id, ctx=None: ast.Name(id, ctx or ast.Load())
check(ast.Module([ast.Expr(N("x"))], []))
check(M(ast.Expr(N("x", ast.Store()))))
check(M(ast.Expr(ast.Name("x"))))
check(M(ast.Expr(1)))
check(M(ast.Expr()))
check(M(ast.Expr(None)))
check(M(1))
check(ast.Module(body=ast.Pass(), type_ignores=[]))
check(ast.Module(body=[]))
check(M(ast.Expr(N("None"))))
check(M(ast.Expr(N(1))))
check(M(ast.Expr(ast.Constant([1]))))
check(M(ast.Expr(ast.BinOp(ast.Constant(1), ast.Add, ast.Constant(2)))))
check(M(ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)))))
check(ast.Expression(ast.Constant(1, lineno=1, col_offset=0)), "eval")
check(ast.Expression(ast.Constant(1, lineno=1, col_offset=0)), "exec")
check(ast.Module([], []), "eval")
check(ast.Module([], []), "single")
check(M(ast.Assign([N("x")], ast.Constant(1))))
check(M(ast.Assign([], ast.Constant(1))))
check(M(ast.Assign([ast.Constant(1, ctx=ast.Store())], ast.Constant(1))))
check(M(ast.If(ast.Constant(1), [], [])))
check(M(ast.Expr(ast.Constant(1, lineno="a"))))
check(M(ast.Expr(ast.Name("x", ast.Load(), lineno=2**70))))
check(M(ast.Expr(ast.Call(N("f"), [], None))))
check(M(ast.Expr(ast.Call(N("f"), [None], []))))
check(M(ast.Expr(ast.Compare(N("f"), [], []))))
check(M(ast.Expr(ast.Compare(N("f"), [ast.Lt()], [N("a"), N("b")]))))
check(M(ast.ImportFrom("x", [ast.alias("y")], -1)))
check(M(ast.Import([])))
check(M(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [])))
check(M(ast.Expr(ast.Tuple((N("x"),), ast.Load()))))
check(M(ast.Expr(ast.Name("x", None))))
check(M(ast.For(ast.Name("x", ast.Store()), N("y"), [ast.Pass()], None)))
check(M(ast.Expr(ast.Dict([], [N("x")]))))
check(M(ast.Expr(ast.BoolOp(ast.And(), [N("x")]))))
check(M(ast.Raise(None, N("x"))))
check(M(ast.Try([ast.Pass()], [], [], [])))
check(M(ast.Global([])))
check(M(ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [], None, [ast.Constant(1)]), ast.Constant(1)))))
check(M(ast.Expr(ast.Lambda(ast.arguments([], [], None, [ast.arg("x")], [], None, []), ast.Constant(1)))))
check(M(ast.Match(N("x"), [])))
check(M(ast.Match(N("x"), [ast.match_case(ast.MatchValue(N("x")), None, [ast.Pass()])])))
check(M(ast.Match(N("x"), [ast.match_case(ast.MatchSingleton(3), None, [ast.Pass()])])))
check(M(ast.Match(N("x"), [ast.match_case(ast.MatchAs(None, "x"))])))
check(M(ast.Expr(ast.Yield())))
check(M(ast.Continue()))
check(M(ast.Expr(ast.Starred(N("x"), ast.Load()))))
check(M(ast.Expr(ast.Constant(2**100))))
check(M(ast.Expr(ast.Constant((1, 2.5, "s", b"b", None)))))
check(M(ast.Expr(ast.JoinedStr([ast.FormattedValue(N("x"), "r", None)]))))
check(M(ast.AnnAssign(ast.Name("x", ast.Store()), N("int"), None, 1)))
try:
    compile(3, "<t>", "exec")
except TypeError as e:
    print("TypeError", e)
try:
    compile("x", "<t>", "func_type")
except ValueError as e:
    print("ValueError", e)

# very deep trees hit the recursion limit while being read back
e = ast.Constant(1)
for i in range(3000):
    e = ast.UnaryOp(ast.USub(), e)
deep = ast.Expression(e)
for node in ast.walk(deep):
    node.lineno = 1
    node.col_offset = 0
try:
    compile(deep, "<deep>", "eval")
except RecursionError as ex:
    print("RecursionError", ex)

# compile() flag and optimize checks
for flags in [0x2000000, 1, ast.PyCF_ONLY_AST | ast.PyCF_TYPE_COMMENTS]:
    try:
        print(type(compile("x", "<f>", "exec", flags)).__name__)
    except ValueError as e:
        print("ValueError", e)
try:
    compile("x", "<f>", "exec", 0, False, 5)
except ValueError as e:
    print("ValueError", e)
