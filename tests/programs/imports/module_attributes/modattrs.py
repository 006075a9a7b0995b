"""modattrs doc"""
x = 1
