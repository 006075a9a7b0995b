# A package holding an extension submodule (capipkg/_speedups.so).
from ._speedups import double
