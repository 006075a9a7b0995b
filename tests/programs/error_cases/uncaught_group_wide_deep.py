excs = [ValueError(i) for i in range(17)]
e = ValueError('deep')
for i in range(12):
    e = ExceptionGroup('level %d' % i, [e])
excs.append(e)
raise BaseExceptionGroup('wide', excs + [KeyboardInterrupt()])
