WHERE = "later"
