from second import SECOND
FIRST = 1
