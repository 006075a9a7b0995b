def primes(n):
    out = []
    for i in range(2, n):
        for p in out:
            if i % p == 0:
                break
        else:
            out.append(i)
    return out
print(primes(50))
def fizz(n):
    res = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            res.append("FizzBuzz")
        elif i % 3 == 0:
            res.append("Fizz")
        elif i % 5 == 0:
            res.append("Buzz")
        else:
            res.append(str(i))
    return " ".join(res)
print(fizz(20))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 15)])
