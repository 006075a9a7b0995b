# compile(ast) -> exec, transformers, location helpers, walk, docstrings.
import ast

src = '''
"""Module doc."""
def fib(n):
    """Return the n-th Fibonacci number.

    Indented second line.
    """
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

class K:
    "class doc"
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"K({self.v!r})"

result = [fib(i) for i in range(10)]
total = sum(x for x in result if x % 2 == 0)
with_stmt = None
try:
    1 / 0
except ZeroDivisionError as e:
    caught = type(e).__name__
match result:
    case [0, 1, *rest]:
        matched = len(rest)
    case _:
        matched = -1
'''
tree = ast.parse(src)
ns = {}
exec(compile(tree, "<ast>", "exec"), ns)
print(ns["result"], ns["total"], ns["caught"], ns["matched"], repr(ns["K"](3)))
# (clean=True needs inspect, which needs io)
print(ast.get_docstring(tree, clean=False))
print(repr(ast.get_docstring(tree.body[1], clean=False)))
print(ast.get_docstring(tree.body[2], clean=False))
print(ast.get_docstring(tree.body[2].body[1], clean=False))

# eval mode and single mode
e = ast.parse("1 + 2 * 3", mode="eval")
print(eval(compile(e, "<e>", "eval")))
exec(compile(ast.parse("print('single', 42)", mode="single"), "<s>", "single"))
print(compile(tree, "<x>", "exec", ast.PyCF_ONLY_AST) is tree)
print(type(compile("x = 1", "<x>", "exec", ast.PyCF_ONLY_AST)).__name__)

# walk
names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})
print(names)
print(sum(1 for n in ast.walk(tree) if isinstance(n, ast.expr_context)))

# NodeVisitor
class Counter(ast.NodeVisitor):
    def __init__(self):
        self.calls = []
    def visit_Call(self, node):
        if isinstance(node.func, ast.Name):
            self.calls.append(node.func.id)
        self.generic_visit(node)
c = Counter()
c.visit(tree)
print(c.calls)

# NodeTransformer: constant folding of + on ints, and renaming
class Fold(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant):
            return ast.copy_location(ast.Constant(node.left.value + node.right.value), node)
        return node
    def visit_Name(self, node):
        if node.id == "old":
            return ast.Name(id="new", ctx=node.ctx)
        return node

t = ast.parse("old = 1 + 2 + 3\nprint(old, 4 + 5)")
t = ast.fix_missing_locations(Fold().visit(t))
print(ast.dump(t))
exec(compile(t, "<fold>", "exec"), {})

# removing statements with a transformer
class DropPass(ast.NodeTransformer):
    def visit_Pass(self, node):
        return None
t = DropPass().visit(ast.parse("if x:\n    pass\n    y = 1\n"))
print(ast.dump(t))

# building a module by hand
fn = ast.FunctionDef(
    name="double",
    args=ast.arguments(posonlyargs=[], args=[ast.arg(arg="x")], kwonlyargs=[], kw_defaults=[], defaults=[]),
    body=[ast.Return(value=ast.BinOp(left=ast.Name(id="x", ctx=ast.Load()), op=ast.Mult(), right=ast.Constant(2)))],
    decorator_list=[],
)
mod = ast.Module(body=[fn, ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Call(ast.Name("double", ast.Load()), [ast.Constant(21)], [])], []))], type_ignores=[])
ast.fix_missing_locations(mod)
print(fn.lineno, fn.col_offset, fn.end_lineno, fn.body[0].value.lineno)
exec(compile(mod, "<hand>", "exec"), {})

# increment_lineno and copy_location
t = ast.parse("a = 1\nb = 2")
ast.increment_lineno(t, 10)
print([(s.lineno, s.end_lineno) for s in t.body], t.body[1].value.lineno)
n = ast.copy_location(ast.Name("z", ast.Load()), t.body[0])
print(n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)

# line numbers survive into code objects and tracebacks
t = ast.parse("x = 1\n\n\ny = 1 / 0\n")
try:
    exec(compile(t, "<lines>", "exec"), {})
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno)

# iter_fields / iter_child_nodes
b = ast.parse("f(x, y=2)", mode="eval").body
print([name for name, _ in ast.iter_fields(b)])
print([type(n).__name__ for n in ast.iter_child_nodes(b)])

# pickle-style reduce and copy
import copy
t2 = copy.deepcopy(ast.parse("z = [1, 2]"))
print(ast.dump(t2, include_attributes=True))
print(ast.Name("q").__reduce__()[1:], type(ast.Load().__reduce__()[0]).__name__)
