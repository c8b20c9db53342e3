"""The layout ARCHITECTURE.md describes, held by tests: who may import whom, and how.

- ``marsweb`` is the site: its shared modules are imported by every app and import none;
  its top (urls, the site-wide views, the live desk, the sitemap, bulk_content) wires the
  apps together and nothing imports it.
- ``missions`` builds on marsweb; ``events`` on marsweb and missions; ``lights`` on marsweb.
- No app imports another app's views, and no import of ours sits inside a function, where
  it would hide a cycle (but one: an AppConfig.ready connecting a signal receiver, the place
  Django documents for it).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("marsweb", "missions", "events", "lights")
SITE_TOP = {
    "marsweb.urls",
    "marsweb.views",
    "marsweb.desk",
    "marsweb.sitemaps",
    "marsweb.management.commands.bulk_content",
}
MAY_IMPORT = {
    "marsweb": {"marsweb"},
    "missions": {"marsweb", "missions"},
    "events": {"marsweb", "missions", "events"},
    "lights": {"marsweb", "lights"},
}
# The one import inside a function that is not hiding anything (see events/apps.py).
RECEIVER_IMPORTS = {("events.apps", "events.rehearsal")}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, bool]]:
    """(imported module, inside a function?) for each import of ours in a file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            names = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from the package, up level - 1
                    parent = ".".join(package[: len(package) - child.level + 1])
                    base = f"{parent}.{base}" if base else parent
                names = [base] + [f"{base}.{alias.name}" for alias in child.names]
            found.extend((name, in_function) for name in names if name.split(".")[0] in OURS)
            visit(child, inside)

    visit(tree, False)
    return found


def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def code_imports() -> list[tuple[str, str, bool]]:
    return [
        (module_name(path), imported, in_function)
        for path in python_files(*OURS)
        for imported, in_function in imports(path)
    ]


def test_no_import_of_ours_is_hidden_inside_a_function():
    hidden = [
        (module_name(path), imported)
        for path in python_files(*OURS, "tests")
        for imported, in_function in imports(path)
        if in_function and not is_receiver_import(module_name(path), imported)
    ]
    assert hidden == []


def is_receiver_import(importer: str, imported: str) -> bool:
    return any(
        importer == where and (imported == what or imported.startswith(f"{what}."))
        for where, what in RECEIVER_IMPORTS
    )


@pytest.mark.parametrize("app", OURS)
def test_each_app_imports_only_what_it_builds_on(app):
    wrong = [
        (importer, imported)
        for importer, imported, _ in code_imports()
        if importer.split(".")[0] == app
        and importer not in SITE_TOP
        and imported.split(".")[0] not in MAY_IMPORT[app]
    ]
    assert wrong == []


def test_nothing_imports_the_modules_that_wire_the_site_together():
    wrong = [
        (importer, imported)
        for importer, imported, _ in code_imports()
        if any(imported == top or imported.startswith(f"{top}.") for top in SITE_TOP)
        and importer != "marsweb.urls"
    ]
    assert wrong == []


def test_no_app_imports_another_apps_views():
    wrong = [
        (importer, imported)
        for importer, imported, _ in code_imports()
        if ".views" in imported
        and imported.split(".")[0] != importer.split(".")[0]
        and importer != "marsweb.urls"
    ]
    assert wrong == []


def test_the_check_itself_sees_imports_inside_functions(tmp_path, monkeypatch):
    """The tests above would pass on nothing: show they find what they look for."""
    monkeypatch.setattr("tests.test_layout.ROOT", tmp_path)
    (tmp_path / "missions").mkdir()
    sample = tmp_path / "missions" / "rehearsal.py"
    sample.write_text("from marsweb import clock\n\ndef f():\n    from events.rehearsal import x\n")
    assert imports(sample) == [
        ("marsweb", False),
        ("marsweb.clock", False),
        ("events.rehearsal", True),
        ("events.rehearsal.x", True),
    ]


def test_no_template_line_is_longer_than_160_characters():
    long_lines = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "templates").rglob("*"))
        if path.is_file()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > 160
    ]
    assert long_lines == []
