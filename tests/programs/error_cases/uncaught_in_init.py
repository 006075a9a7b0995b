# An exception escaping __init__ (run inline by the instantiating call)
# shows the caller's line, then __init__'s.
class Account:
    def __init__(self, balance):
        self.balance = balance
        if balance < 0:
            raise ValueError("negative balance: %d" % balance)


def open_account(n):
    return Account(n)


print(open_account(5).balance)
open_account(-3)
