# The time module without timing values: types, ordering, struct_time,
# formatting of fixed timestamps in UTC, and error messages.
import time

print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic()).__name__,
      type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__, type(time.thread_time_ns()).__name__)
a = time.monotonic_ns(); b = time.monotonic_ns()
print(a <= b, time.perf_counter() <= time.perf_counter(), time.time() > 1.5e9)
print(abs(time.time() - time.clock_gettime(time.CLOCK_REALTIME)) < 60, type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)).__name__)
print(time.clock_getres(time.CLOCK_MONOTONIC) > 0)
for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
time.sleep(0)
time.sleep(0.001)
t = time.gmtime(0)
print(t)
print(t.tm_year, t[0], len(t), t.tm_zone, t.tm_gmtoff, type(t).n_fields, type(t).n_sequence_fields, time._STRUCT_TM_ITEMS)
print(time.gmtime(1.9), time.gmtime(-1.5)[:6])
print(time.gmtime(1234567890)[:], time.gmtime(86400 * 365).__reduce__())
print(time.asctime(time.gmtime(0)), time.asctime((2020, 1, 5, 10, 3, 4, 6, 5, 0)), time.asctime((2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", time.gmtime(1234567890)))
print(time.strftime("%Y-%m-%d", (2020, 0, 0, 0, 0, 0, 0, 0, 0)), repr(time.strftime("", time.gmtime(0))))
print(time.strftime("%Z", time.gmtime(0)), time.strftime("é%Yü", time.gmtime(0)))
lt = time.localtime(1000000)
print(type(lt).__name__, time.mktime(lt), time.mktime(time.localtime(1234567890)) == 1234567890)
print(type(time.localtime()).__name__, type(time.ctime()).__name__, len(time.ctime(0)))
print(isinstance(time.timezone, int), isinstance(time.altzone, int), time.daylight in (0, 1), type(time.tzname).__name__, len(time.tzname))
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0)), time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0)).tm_zone)
checks = [
    lambda: time.sleep(-1), lambda: time.sleep("a"), lambda: time.gmtime("a"), lambda: time.gmtime(1e30),
    lambda: time.gmtime(float("nan")), lambda: time.asctime(()), lambda: time.asctime("x"),
    lambda: time.mktime((1,)), lambda: time.get_clock_info("x"), lambda: time.struct_time((1, 2)),
    lambda: time.strftime(1), lambda: time.time(1), lambda: time.sleep(1e300), lambda: time.sleep(2**63),
    lambda: time.sleep(float("inf")), lambda: time.sleep(float("nan")), lambda: time.sleep(-0.0),
]
for t in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0),
          (2020, 1, 1, 0, 60, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0),
          (2020, 1, 1, 0, 0, 0, 0, 367, 0), (2020, 1, 1, 0, 0, 0, 0, -1, 0)]:
    checks.append(lambda t=t: time.strftime("%Y", t))
    checks.append(lambda t=t: time.asctime(t))
for c in checks:
    try:
        print("ok", c())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
