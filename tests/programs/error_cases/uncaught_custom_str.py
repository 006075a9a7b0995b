class Weird(Exception):
    def __str__(self):
        return "custom __str__ output"
raise Weird("ignored arg")
