import weakref
class O: pass
o = O()
log = []
refs = [weakref.ref(o, lambda r, i=i: log.append(i)) for i in range(3)]
del o
print(log)
class Holder:
    def __init__(self): self.items = []
h = Holder()
r = weakref.ref(h)
print(r() is h, weakref.getweakrefs(h) == [r])
del h
print(r(), weakref.getweakrefs(O()))
