import app.core
print(app.core.run())
from app import core
print(core.helper_value())
import app.sub.leaf
print(app.sub.leaf.describe())
