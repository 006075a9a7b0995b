names = ["ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError",
         "LookupError", "IndexError", "KeyError", "OSError", "FileNotFoundError",
         "PermissionError", "TimeoutError", "ConnectionResetError", "RuntimeError",
         "RecursionError", "NotImplementedError", "ValueError", "UnicodeError",
         "UnicodeDecodeError", "TypeError", "NameError", "UnboundLocalError",
         "AttributeError", "ImportError", "ModuleNotFoundError", "StopIteration",
         "StopAsyncIteration", "GeneratorExit", "KeyboardInterrupt", "SystemExit",
         "AssertionError", "EOFError", "MemoryError", "BufferError", "SyntaxError",
         "IndentationError", "TabError", "Warning", "DeprecationWarning", "UserWarning",
         "EnvironmentError", "IOError", "ExceptionGroup", "BaseExceptionGroup", "EncodingWarning",
         "ResourceWarning", "ProcessLookupError", "BlockingIOError", "ChildProcessError",
         "BrokenPipeError", "IsADirectoryError", "NotADirectoryError", "InterruptedError",
         "ReferenceError", "SystemError", "UnicodeEncodeError", "UnicodeTranslateError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, cls.__mro__[1].__name__, [c.__name__ for c in cls.__mro__][-2])
print(EnvironmentError is OSError, IOError is OSError)
