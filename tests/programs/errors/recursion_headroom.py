# A RecursionError handler gets no lasting headroom past the limit (3.11):
# code run in it may go only as deep as the limit allows, and after the
# error the whole depth is available again.
import sys

sys.setrecursionlimit(120)


def depth_reached():
    n = 0

    def rec():
        nonlocal n
        n += 1
        rec()

    try:
        rec()
    except RecursionError:
        pass
    return n


def deepest():
    try:
        return deepest()
    except RecursionError:
        # The handlers nearest the limit fail themselves; the first one with
        # room reports how much it had.
        return depth_reached()


base = depth_reached()
print("from the top:", base > 100)
print("in the handlers:", deepest())
print("again from the top:", depth_reached() == base)


def handler_calls_builtin(k):
    if k:
        return handler_calls_builtin(k - 1)
    try:
        return handler_calls_builtin(0)
    except RecursionError:
        try:
            return len(str(k))
        except RecursionError:
            return "no room"


print("builtin in the handler:", handler_calls_builtin(5))


def lower_limit_at(k):
    if k:
        return lower_limit_at(k - 1)
    try:
        sys.setrecursionlimit(5)
    except RecursionError as e:
        return "%s: %s" % (type(e).__name__, e)
    return "lowered"


print(lower_limit_at(6))
print(sys.getrecursionlimit())
