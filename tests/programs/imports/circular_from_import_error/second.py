from first import FIRST
SECOND = 2
