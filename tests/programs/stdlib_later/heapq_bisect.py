import heapq, bisect
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [1, 9, 4, 7]), heapq.nsmallest(2, [1, 9, 4, 7]))
print(list(heapq.merge([1, 4], [2, 3])))
a = [1, 3, 3, 5]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 4)
print(a)
