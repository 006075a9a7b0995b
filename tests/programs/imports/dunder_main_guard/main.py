import guarded
print("main __name__:", __name__)
if __name__ == "__main__":
    print("running as script")
print(guarded.who())
