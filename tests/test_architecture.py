"""ARCHITECTURE.md names every app and every module of the site package: a module added
without saying there what it is and why it lives in marsweb/ fails here."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = (ROOT / "ARCHITECTURE.md").read_text()


def test_every_module_of_the_site_package_is_named_in_architecture_md():
    site = ROOT / "marsweb"
    names = {path.name for path in site.glob("*.py") if path.name != "__init__.py"}
    names |= {
        f"{path.name}/"
        for path in site.iterdir()
        if path.is_dir() and path.name not in {"__pycache__", "migrations"}
    }
    assert sorted(name for name in names if f"`{name}`" not in ARCHITECTURE) == []


def test_every_app_is_named_in_architecture_md():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert {"marsweb", "missions", "events", "lights"} <= apps
    assert sorted(app for app in apps if f"`{app}/`" not in ARCHITECTURE) == []


def django_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return {name for name in found if name.split(".")[0] == "django"}


def test_pure_computation_touches_no_database_as_architecture_md_says():
    for module in ("missions/marstime.py", "missions/edl.py"):
        assert django_imports(ROOT / module) == set(), module
    for module in ("missions/countdown.py", "lights/sun.py"):
        assert all(name.startswith("django.utils.") for name in django_imports(ROOT / module))


def test_only_marsweb_durations_splits_a_duration_into_its_units():
    """Durations were cut into days, hours, minutes and seconds in four places, each with its
    own words ("11 min 22 s" on a page, "11 min 22 s" built again in a calendar)."""
    splitting = []
    packages = [
        top for top in ROOT.iterdir() if (top / "__init__.py").exists() and top.name != "tests"
    ]
    for path in (path for package in packages for path in package.rglob("*.py")):
        if path.name == "durations.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "divmod"
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in (60, 3600, 86400)
            ):
                splitting.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert splitting == []
