# Exceptions: raise/catch in a loop, custom exception classes and
# hierarchies, try/except/else/finally, re-raise, exception chaining, errors
# raised by builtins (KeyError, IndexError, ZeroDivisionError, ValueError),
# and with-statement context managers that suppress exceptions.


class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, pos, msg):
        super().__init__(msg)
        self.pos = pos


class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = 0

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught += 1
            return True
        return False


def parse_digit(s, pos):
    c = s[pos]
    if "0" <= c <= "9":
        return ord(c) - 48
    raise ParseError(pos, "bad char")


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1)


def main():
    acc = 0
    s = "12a45b7c9d" * 10
    for rep in range(3000):
        for pos in range(len(s)):
            try:
                acc += parse_digit(s, pos)
            except ParseError as e:
                acc += e.pos & 3
    d = {i: i for i in range(0, 100, 2)}
    lst = list(range(50))
    for i in range(300_000):
        try:
            acc += d[i % 100]
        except KeyError:
            acc += 1
        try:
            acc += lst[i % 60]
        except IndexError:
            acc -= 1
        try:
            acc += 100 // (i % 5)
        except ZeroDivisionError:
            acc += 7
        else:
            acc += 1
        finally:
            acc += 2
    for i in range(120_000):
        try:
            try:
                int("x%d" % i)
            except ValueError as e:
                raise AppError("wrapped") from e
        except AppError as e:
            if isinstance(e.__cause__, ValueError):
                acc += 3
    for i in range(60_000):
        try:
            deep(10)
        except ValueError:
            acc += 1
    sup = Suppress(KeyError, ZeroDivisionError)
    for i in range(200_000):
        with sup:
            if i % 2:
                raise KeyError(i)
            acc += 1
    for i in range(100_000):
        try:
            try:
                raise AppError(i)
            except AppError:
                acc += 1
                raise
        except Exception as e:
            acc += len(e.args)
    print("acc", acc, "caught", sup.caught)


main()
