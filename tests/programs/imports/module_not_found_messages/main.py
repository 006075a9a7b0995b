for stmt in ["import missing_top", "import pkgok.missing_sub", "from pkgok import missing_name",
             "from pkgok.missing_sub import x", "import pkgok.plain.deeper", "from plainmod import nope"]:
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__ + ":", e, "| name =", e.name)
