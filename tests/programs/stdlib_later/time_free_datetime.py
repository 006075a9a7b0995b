import datetime
d = datetime.date(2024, 2, 29)
print(d, d.isoformat(), d.weekday(), d + datetime.timedelta(days=1), d.replace(year=2023, day=28))
dt = datetime.datetime(2020, 1, 2, 3, 4, 5)
print(dt, dt.strftime("%Y/%m/%d %H:%M"), repr(datetime.timedelta(hours=25)))
print(datetime.datetime.fromisoformat("2021-05-06T07:08:09"), (datetime.date(2024, 1, 1) - datetime.date(2023, 1, 1)).days)
