# Never imported: shadowed.so in the same directory comes first.
KIND = "source"
