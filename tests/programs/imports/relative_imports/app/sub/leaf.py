from ..utils import helper
from .. import core
from ..utils import helper as _h
def describe():
    return f"{__name__} uses {helper()} and core.run exists: {callable(core.run)}"
