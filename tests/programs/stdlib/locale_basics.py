# locale on top of _locale: the C locale's conventions, setlocale queries,
# nl_langinfo, collation, and the preferred encoding.
import locale
import _locale

print(locale.getpreferredencoding().lower().replace("-", ""), locale.getpreferredencoding(False).lower().replace("-", ""))
print(locale.getencoding().lower().replace("-", ""))
print(locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_TIME, None))
print(locale.getlocale(locale.LC_NUMERIC))
conv = locale.localeconv()
for k in sorted(conv):
    print(" ", k, repr(conv[k]))
for name in ["CODESET", "D_T_FMT", "D_FMT", "T_FMT", "T_FMT_AMPM", "AM_STR", "PM_STR", "DAY_1", "DAY_7", "ABDAY_2",
             "MON_1", "MON_12", "ABMON_5", "RADIXCHAR", "THOUSEP", "YESEXPR", "NOEXPR", "CRNCYSTR", "ERA"]:
    print(name, repr(locale.nl_langinfo(getattr(locale, name))))
try:
    locale.nl_langinfo(-12345)
except ValueError as e:
    print("ValueError:", e)
try:
    locale.setlocale(locale.LC_ALL, "xx_NOPE.bogus")
except locale.Error as e:
    print("locale.Error:", e)
try:
    locale.setlocale(locale.LC_ALL, 5)
except TypeError as e:
    print("TypeError:", e)
print(issubclass(locale.Error, Exception), locale.Error is _locale.Error)
print(locale.strcoll("a", "b") < 0, locale.strcoll("b", "a") > 0, locale.strcoll("x", "x"))
print(locale.strxfrm("hello"), sorted(["b", "A", "a", "B"], key=locale.strxfrm))
print(locale.format_string("%d items, %.3f", (1234567, 3.14159)), locale.format_string("%s", "x"))
print(locale.format_string("%.2f", 1234567.891, grouping=True))
print(locale.str(2.5), locale.atof("3.75"), locale.atoi("42"), locale.delocalize("1.5"), locale.localize("1.5"))
print(locale.normalize("en_US"), locale.normalize("de_DE.utf8"), locale.normalize("C"))
print(locale._parse_localename("en_US.UTF-8"), locale._build_localename(("fr_FR", "ISO8859-1")))
print(_locale.CHAR_MAX, _locale.LC_ALL == locale.LC_ALL)
