print('ok')
raise OSError(2, 'No such file or directory', 'ghost.txt')