"""The deferred import of spaCy's command-line package (conflict_events.nlp.spacy_import)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from conflict_events.nlp.spacy_import import DeferredModuleFinder, defer_spacy_cli, is_deferred


@pytest.fixture
def toy_package(tmp_path, monkeypatch):
    """A package laid out like spaCy's start: its __init__ reads a function from cli.info,
    and cli's own __init__ has side effects we can see."""
    root = tmp_path / "toypkg"
    (root / "cli").mkdir(parents=True)
    (root / "__init__.py").write_text("from .cli.info import info\n")
    (root / "cli" / "__init__.py").write_text(
        textwrap.dedent(
            """
            import toypkg_log
            toypkg_log.ran.append("cli")
            from .info import info
            from .heavy import heavy
            """
        )
    )
    (root / "cli" / "info.py").write_text(
        textwrap.dedent(
            """
            import toypkg_log
            toypkg_log.ran.append("info")
            def info():
                return "real info"
            def details():
                return "details"
            """
        )
    )
    (root / "cli" / "heavy.py").write_text("import toypkg_log\ntoypkg_log.ran.append('heavy')\ndef heavy():\n    return 'ran'\n")
    (tmp_path / "toypkg_log.py").write_text("ran = []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    finder = DeferredModuleFinder(("toypkg.cli", "toypkg.cli.info"), {"toypkg.cli.info": ("info",)})
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    yield finder
    for name in [n for n in sys.modules if n == "toypkg" or n.startswith(("toypkg.", "toypkg_log"))]:
        del sys.modules[name]


def test_deferred_modules_run_no_code_at_import(toy_package):
    import toypkg
    import toypkg_log

    assert toypkg_log.ran == []
    assert is_deferred(sys.modules["toypkg.cli"]) and is_deferred(sys.modules["toypkg.cli.info"])
    assert toypkg.cli.__file__.endswith("__init__.py") and sys.modules["toypkg.cli.info"].__file__.endswith("info.py")
    assert toy_package not in sys.meta_path  # gave both names, so it left


def test_the_preset_function_loads_its_module_when_called(toy_package):
    import toypkg
    import toypkg_log

    assert toypkg.info() == "real info"
    assert toypkg_log.ran == ["info"]
    assert not is_deferred(sys.modules["toypkg.cli.info"])
    assert toypkg.info() == "real info"  # and only once
    assert toypkg_log.ran == ["info"]


def test_reading_a_name_loads_the_package(toy_package):
    import toypkg
    import toypkg_log

    assert toypkg.cli.heavy() == "ran"
    assert toypkg_log.ran == ["cli", "heavy"]
    from toypkg.cli.info import details

    assert details() == "details"
    assert toypkg_log.ran == ["cli", "heavy", "info"]


def test_a_submodule_imported_first_does_not_hide_the_package_s_own_names(toy_package):
    import toypkg
    import toypkg.cli.heavy  # sets toypkg.cli.heavy to the module, before the package's code ran
    import toypkg_log

    assert toypkg_log.ran == ["heavy"]
    assert toypkg.cli.heavy() == "ran"  # the function the package's code binds, run on that read
    assert toypkg_log.ran == ["heavy", "cli"]


def test_a_name_the_real_module_lacks_is_still_an_attribute_error(toy_package):
    import toypkg

    with pytest.raises(AttributeError, match="no_such_name"):
        toypkg.cli.no_such_name  # noqa: B018
    assert not is_deferred(toypkg.cli)


def test_dunder_probes_do_not_load(toy_package):
    import toypkg
    import toypkg_log

    assert not hasattr(sys.modules["toypkg.cli.info"], "__wrapped__")
    assert toypkg.cli.__path__ and toypkg.cli.__spec__.name == "toypkg.cli"
    assert toypkg_log.ran == []


def test_nothing_is_deferred_once_spacy_is_imported():
    import spacy  # noqa: F401

    before = list(sys.meta_path)
    assert defer_spacy_cli() is False
    assert sys.meta_path == before


SPACY_CHECK = """
import sys
import importlib.metadata
from conflict_events.nlp.spacy_import import is_deferred, lean_spacy_start
lean_spacy_start()
import catalogue
import spacy
assert type(catalogue.AVAILABLE_ENTRY_POINTS) is dict
expected = sorted(e.value for e in importlib.metadata.entry_points(group="spacy_factories"))
factories = catalogue.Registry(("spacy", "factories"), entry_points=True)
assert sorted(e.value for e in factories._get_entry_points()) == expected
assert "conflict_events.nlp.gate:make_syntax_gate" in expected
assert factories.get_entry_point("conflict_syntax_gate").__name__ == "make_syntax_gate"
from spacy.tokens import Doc
assert is_deferred(sys.modules["spacy.cli"]), "spacy.cli ran at import"
assert not [m for m in ("requests", "weasel", "httpx", "typer") if m in sys.modules]
assert spacy.info()["spacy_version"] == spacy.__version__
from spacy.cli import download
assert callable(download) and not is_deferred(sys.modules["spacy.cli"])
print("ok")
"""


def test_spacy_imports_without_its_cli_and_finds_the_same_entry_points():
    result = subprocess.run([sys.executable, "-c", SPACY_CHECK], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
