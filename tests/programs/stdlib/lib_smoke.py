# Smoke test of Lib modules that import on Pyrite (functools.singledispatch
# needs Lib/weakref.py, finalize needs atexit).
def t(name, f):
    try: print(name, f())
    except Exception as e: print(name, "EXC", type(e).__name__, e)
import difflib, textwrap, enum, ipaddress, graphlib, tomllib, string, datetime, heapq, bisect
import reprlib, shutil, fnmatch, getopt, html, colorsys, keyword, sched, queue, random, uuid, timeit, platform, mimetypes, sysconfig, threading, struct, copy, operator, numbers, functools
t("difflib", lambda: list(difflib.unified_diff(["a\n","b\n"], ["a\n","c\n"])))
t("difflib2", lambda: difflib.SequenceMatcher(None, "abcd", "bcde").ratio())
t("textwrap", lambda: textwrap.fill("hello world " * 10, 30))
t("textwrap2", lambda: textwrap.dedent("   a\n   b"))
class Color(enum.Enum):
    RED = 1; GREEN = 2
class F(enum.Flag):
    A = 1; B = 2
class IE(enum.IntEnum):
    X = 3
t("enum", lambda: (Color.RED, Color(2), list(Color), F.A | F.B, IE.X + 1, repr(IE.X), format(IE.X)))
t("enum2", lambda: (enum.auto, Color["GREEN"].name, str(F.A|F.B)))
t("ipaddress", lambda: (ipaddress.ip_address("10.0.0.1") + 1, list(ipaddress.ip_network("10.0.0.0/30")), ipaddress.ip_address("::1").exploded))
t("graphlib", lambda: list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"c"}}).static_order()))
t("tomllib", lambda: tomllib.loads('a = 1\n[b]\nc = "x"\nd = [1, 2]\ne = 1979-05-27T07:32:00Z'))
t("string", lambda: (string.Template("$a-${b}").substitute(a=1, b=2), string.capwords("ab cd"), string.Formatter().format("{0}{x}", 1, x=2)))
t("datetime", lambda: (datetime.date(2020, 1, 31) + datetime.timedelta(days=1), datetime.datetime(2020,1,1,12,30).isoformat(), datetime.datetime(2020,1,1).strftime("%Y-%m-%d %A"), datetime.timedelta(hours=25)))
t("datetime2", lambda: (datetime.datetime.fromisoformat("2020-01-02T03:04:05+01:00"), datetime.datetime(2020,1,1,tzinfo=datetime.timezone.utc).timestamp()))
t("heapq", lambda: (heapq.nlargest(2, [3,1,4,1,5]), list(heapq.merge([1,3],[2,4]))))
t("reprlib", lambda: reprlib.repr(list(range(100))))
t("fnmatch", lambda: (fnmatch.fnmatch("a.py", "*.py"), fnmatch.translate("a*[bc]?")))
t("getopt", lambda: getopt.getopt(["-a", "1", "--bb=2", "x"], "a:", ["bb="]))
t("html", lambda: (html.escape("<a&b>"), html.unescape("&lt;&amp;&#39;&eacute;")))
t("colorsys", lambda: colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
t("random", lambda: (random.Random(5).random(), random.Random(5).randint(1, 100), random.Random(3).sample(range(10), 3), random.Random(1).choice("abc")))
t("struct", lambda: (struct.pack("<iH", 1, 2), struct.unpack(">q", b"\0"*7+b"\1"), struct.calcsize("P")))
t("functools", lambda: (functools.reduce(lambda a,b:a*b, range(1,6)), functools.lru_cache()(lambda x: x*2)(3), functools.partial(int, base=2)("101")))
@functools.singledispatch
def sd(x): return "obj"
@sd.register
def _(x: int): return "int"
t("singledispatch", lambda: (sd(1), sd("a")))
@functools.total_ordering
class TO:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
t("total_ordering", lambda: (TO(1) >= TO(2), TO(3) > TO(2)))
t("cached_property", lambda: type("A", (), {"p": functools.cached_property(lambda s: 42)})().p)
t("queue", lambda: (lambda q: (q.put(1), q.put(2), q.get(), q.qsize()))(queue.Queue()))
t("copy", lambda: copy.deepcopy({"a": [1, {2}], "b": (3, [4])}))
t("thread_local", lambda: (lambda l: (setattr(l, "x", 1), l.x))(threading.local()))
t("cond", lambda: (lambda c: (c.acquire(), c.notify_all(), c.release()))(threading.Condition()))
t("keyword", lambda: (keyword.iskeyword("match"), keyword.issoftkeyword("match")))
import collections
t("collections", lambda: (collections.Counter("abracadabra").most_common(2), collections.OrderedDict(a=1).popitem(), collections.ChainMap({1:2},{3:4})[3], collections.namedtuple("P", "x y", defaults=[0])(1)))
t("deque", lambda: (lambda d: (d.rotate(1), list(d)))(collections.deque([1,2,3], maxlen=3)))
import typing
class G(typing.Generic[typing.TypeVar("T")]): pass
t("typing", lambda: (G[int], typing.get_type_hints(type("X", (), {"__annotations__": {"a": "int"}})), typing.get_origin(typing.List[int]), typing.get_args(typing.Dict[str, int])))
class TD(typing.TypedDict):
    a: int
t("typeddict", lambda: (TD(a=1), TD.__required_keys__))
class P(typing.Protocol):
    def m(self): ...
t("protocol", lambda: isinstance(1, typing.SupportsInt))
import re
t("re", lambda: (re.sub(r"(\w)(\d)", r"\2\1", "a1b2"), re.findall(r"(?P<x>a)|b", "abab"), re.split(r"\s*,\s*", "a , b,c"), re.fullmatch(r"[^\W\d]+", "héllo").group()))
import operator
t("operator", lambda: (operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3), operator.methodcaller("upper")("a")))
import contextlib
@contextlib.contextmanager
def cm():
    yield 5
t("contextlib", lambda: [x for x in [1] if cm().__enter__() == 5])
t("exitstack", lambda: (lambda es: (es.callback(print, "cb"), es.close()))(contextlib.ExitStack()))
t("suppress", lambda: [None for _ in [1] if contextlib.suppress(KeyError).__exit__(KeyError, KeyError(), None)])
import shutil, os
t("os", lambda: (os.path.join("a", "b"), os.path.splitext("x.tar.gz"), os.fspath("p"), os.environ.get("NOPE_X", "d"), os.sep))
import datetime as dt
t("zones", lambda: dt.datetime(2020, 5, 17, 10, tzinfo=dt.timezone(dt.timedelta(hours=-3))).astimezone(dt.timezone.utc))
import weakref, gc
class K:
    def m(self): return 1
k = K(); wd = weakref.WeakKeyDictionary(); wd[k] = 1
t("weakkeydict", lambda: (len(wd), list(wd.values())))
del k; gc.collect(); t("weakkeydict_after", lambda: len(wd))
o = K(); wm = weakref.WeakMethod(o.m); t("weakmethod", lambda: wm()())
f = weakref.finalize(o, print, "finalized"); del o; gc.collect(); t("finalize", lambda: f.alive)
t("weakset", lambda: len(weakref.WeakSet([K()])))
