NAME = "dpkg.inner"
