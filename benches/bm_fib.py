# Recursion: naive Fibonacci, Takeuchi, mutual recursion and recursive tree
# building/walking. Exercises Python-to-Python calls and frame setup/teardown.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def make_tree(depth):
    if depth == 0:
        return None
    return (make_tree(depth - 1), depth, make_tree(depth - 1))


def check_tree(node):
    if node is None:
        return 0
    left, value, right = node
    return check_tree(left) + value + check_tree(right)


def main():
    total = fib(33)
    evens = 0
    for rep in range(20):
        for i in range(300):
            if is_even(i):
                evens += 1
    t = tak(24, 16, 8)
    tree_sum = 0
    for rep in range(4):
        tree_sum += check_tree(make_tree(16))
    print("fib", total, "evens", evens, "tak", t, "tree", tree_sum)


main()
