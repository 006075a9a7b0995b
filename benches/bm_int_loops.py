# Loops over ints: arithmetic, comparisons, bit operations, while and for loops,
# and a few big-int steps. No function calls in the hot loops.


def main():
    n = 3_500_000
    acc = 0
    for i in range(n):
        acc += i * 3 - (i >> 2) + (i & 7) ^ (i % 13)
    acc %= 1_000_000_007

    # while loop with a linear congruential generator
    x = 12345
    count = 0
    k = 0
    while k < 2_400_000:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        if x % 3 == 0:
            count += 1
        k += 1

    # collatz lengths
    longest = 0
    best = 0
    for start in range(1, 45_000):
        m = start
        steps = 0
        while m != 1:
            if m & 1:
                m = 3 * m + 1
            else:
                m //= 2
            steps += 1
        if steps > longest:
            longest = steps
            best = start

    # big ints
    big = 1
    for i in range(1, 1200):
        big *= i
    digits = len(str(big))

    print("acc", acc, "lcg", count, x, "collatz", best, longest, "bigdigits", digits)


main()
