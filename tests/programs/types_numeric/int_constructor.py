print(int(), int(5), int(-5.9), int("42"), int("  -42  "), int("+7"), int("1_000"), int("0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("z", 36), int("777", 8), int("0o777", 0), int("11", 2), int("0b11", 0))
print(int(b"12"), int(bytearray(b"34")), int("١٢٣"), int(True), int(3.0e10))
for args in [("abc",), ("1.5",), ("",), ("0x",), ("12", 1), ("12", 37), ("08", 0), (1.5, 10), ("_1",), ("1__0",), (float("inf"),), (float("nan"),), ([],), ("9" * 5000,)]:
    try:
        print(args[:1] if len(str(args)) < 40 else "big", int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", str(e)[:90])
print(int("-0"), int(" 0x10 ", 16), int("Z", 36), int("5", base=10))
