import alpha
print(alpha.A_VALUE, alpha.beta.B_VALUE, alpha.beta.get_alpha_value())
import beta
print(beta.alpha is alpha)
