def who():
    return "guarded module " + __name__
if __name__ == "__main__":
    print("should not run when imported")
else:
    print("guarded imported as", __name__)
