class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)
eg = MyEG("mine", [ValueError(1), TypeError(2)])
m, r = eg.split(ValueError)
print(type(m).__name__, repr(m), type(r).__name__)
eg.add_note("note")
eg2 = ExceptionGroup("g", [ValueError(1), TypeError(2)])
eg2.add_note("grp note")
m, r = eg2.split(ValueError)
print(m.__notes__, r.__notes__)
try:
    raise eg2
except* ValueError as e:
    print(e.__notes__, type(e).__name__)
except* TypeError as e:
    print(repr(e))
print(len(eg2.exceptions), eg2.exceptions[0].args)
