print("beta start")
import alpha
print("beta sees partial alpha, has A_VALUE:", hasattr(alpha, "A_VALUE"))
B_VALUE = "beta value"
def get_alpha_value():
    return alpha.A_VALUE
print("beta end")
