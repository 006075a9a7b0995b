def helper():
    return "utils.helper"
