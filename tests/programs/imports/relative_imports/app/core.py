from . import version
from .utils import helper
from .version import VERSION as V
def run():
    return f"core running v{V} / {version.VERSION} / {helper()}"
def helper_value():
    return helper()
