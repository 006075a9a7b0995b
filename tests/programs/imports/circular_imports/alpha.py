print("alpha start")
import beta
A_VALUE = "alpha value"
print("alpha end, beta has B_VALUE:", hasattr(beta, "B_VALUE"))
