# Timezone-dependent time functions under fixed TZ settings (tzset).
import os, time

for tz in ("UTC", "America/New_York", "Europe/Paris", "Australia/Sydney"):
    os.environ["TZ"] = tz
    time.tzset()
    print(tz, time.timezone, time.altzone, time.daylight, time.tzname)
    for ts in (1700000000, 1690000000):
        lt = time.localtime(ts)
        print("   ", lt[:], lt.tm_zone, lt.tm_gmtoff, time.mktime(lt) == ts, time.ctime(ts))
        print("   ", time.strftime("%Y-%m-%d %H:%M:%S %Z %z", lt), time.asctime(lt))
    print("   ", time.mktime((2023, 7, 1, 12, 0, 0, 0, 1, -1)), time.mktime((2023, 1, 1, 12, 0, 0, 0, 1, -1)))
