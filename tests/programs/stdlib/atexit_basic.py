# atexit: callbacks run at exit, newest first; errors are reported, not fatal.
import atexit, sys
def bye(who, punct="!"):
    print("bye", who + punct)
class Boom:
    def __call__(self):
        raise ValueError("in callback")
    def __repr__(self):
        return "<boom>"
boom = Boom()
print(atexit.register(bye, "first") is bye)
atexit.register(bye, "second", punct="?")
atexit.register(boom)
def gone():
    print("never")
atexit.register(gone)
atexit.register(gone)

atexit.unregister(gone)

for bad in [(), (1,)]:
    try:
        atexit.register(*bad)
    except TypeError as e:
        print("TypeError:", e)
print("main done")
sys.stdout.flush()
