# List work: append/pop, indexing (positive and negative), slicing and slice
# assignment, sort (ints, tuples, with key=), reverse, in, index, count,
# extend, insert, and list concatenation/repetition.


def main():
    n = 1_000_000
    lst = []
    for i in range(n):
        lst.append((i * 7919) % 100_003)
    acc = 0
    for i in range(n):
        acc += lst[i] - lst[-1 - i]
    for i in range(0, n - 10, 3):
        acc += lst[i] if lst[i] > lst[i + 1] else lst[i + 2]
    s = sorted(lst)
    acc += s[0] + s[n // 2] + s[-1]
    lst.sort(reverse=True)
    acc += lst[1]
    pairs = [((i * 31) % 1000, -i) for i in range(400_000)]
    pairs.sort()
    acc += pairs[0][1] + pairs[-1][1]
    words = [str(i * 17 % 1009) for i in range(150_000)]
    words.sort(key=len)
    acc += len(words[0]) + len(words[-1])

    total_slices = 0
    base = list(range(1000))
    for i in range(30000):
        part = base[i % 500: i % 500 + 100]
        total_slices += part[0] + part[-1] + len(part)
        rev = base[::-7]
        total_slices += rev[3]
    work = list(range(2000))
    for i in range(5000):
        work[10:20] = [i] * 10
        total_slices += work[15]
    stack = []
    for i in range(1_500_000):
        stack.append(i)
        if i % 3 == 2:
            total_slices += stack.pop() - stack.pop()
    total_slices += len(stack)
    small = [3, 1, 4, 1, 5, 9, 2, 6]
    found = 0
    for i in range(400_000):
        if (i % 10) in small:
            found += small.index(i % 10)
        found += small.count(1)
    ext = []
    for i in range(2000):
        ext.extend(small)
        ext += [i]
    ext.insert(0, -1)
    ext.reverse()
    found += len(ext) + ext[0] + sum(ext[:50])
    grid = [[0] * 50 for _ in range(50)]
    for i in range(500_000):
        r = i % 50
        c = (i * 7) % 50
        grid[r][c] += 1
    found += sum(grid[7]) + grid[3][21]
    print("acc", acc, "slices", total_slices, "found", found)


main()
