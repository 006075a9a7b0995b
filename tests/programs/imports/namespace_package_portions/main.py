# A namespace package split over several sys.path entries; its __path__
# (a _NamespacePath) follows later changes of sys.path.
import sys
here = sys.path[0]
sys.path[1:1] = [here + "/first", here + "/second"]
import nsp
import nsp.one, nsp.two, nsp.a
print(nsp.one.WHERE, nsp.two.WHERE, nsp.a.WHERE)
p = nsp.__path__
print(type(p).__name__, type(p).__module__, len(p))
print([x[len(here):] for x in p])
print(repr(p).replace(here, "<here>"))
print(nsp.__spec__.submodule_search_locations is p, nsp.__file__, nsp.__spec__.origin)
print((here + "/second/nsp") in p, p[0][len(here):])
sys.path.append(here + "/later")
print(len(p), [x[len(here):] for x in p])
import nsp.three
print(nsp.three.WHERE)
print(type(nsp.a.__path__).__name__)
