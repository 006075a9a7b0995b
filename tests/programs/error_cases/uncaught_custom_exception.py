class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"failed with code {code}")
        self.code = code
def work():
    raise MyError(42)
print("working")
work()
