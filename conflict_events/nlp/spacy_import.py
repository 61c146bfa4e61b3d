"""Starting spaCy without the work that extraction does not need.

Two things every ``import spacy`` and ``spacy.load`` pay for and extraction never uses:

* ``import spacy`` runs ``from .cli.info import info``, and so imports the whole
  of ``spacy.cli``: the training, packaging and project commands with typer,
  weasel, requests, httpx and urllib3, about 350 modules and 0.15 s of every
  start. ``defer_spacy_cli`` adds an import finder that gives ``spacy.cli`` and
  ``spacy.cli.info`` as modules of their real files whose code runs the first
  time a name is read from them; ``spacy.info`` is a function that loads the real
  one when called. Everything spaCy's command line offers still works, only
  later. Nothing depends on spaCy's internals beyond those two names: if spaCy
  stops importing ``spacy.cli.info`` at start, the finder is never asked; if it
  reads another name from them, that name loads the real module.
* catalogue, spaCy's function registry, reads the installed entry points once
  but filters all of them again at each registry lookup, about 160 while a
  pipeline loads (0.04 s). ``group_entry_points`` hands it the same entry points
  grouped in a dict, a form its lookup code takes as it is (older
  importlib_metadata returned them so), which makes each lookup one dict access.

The console command calls ``lean_spacy_start`` before anything imports spaCy;
the library leaves its users' imports alone.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any, Callable

DEFERRED_MODULES = ("spacy.cli", "spacy.cli.info")
# Names read from a deferred module while spaCy imports, each a function that
# loads the module when called.
DEFERRED_FUNCTIONS = {"spacy.cli.info": ("info",)}


def lean_spacy_start() -> None:
    """Both of the above, for a process that has not imported spaCy yet."""
    if defer_spacy_cli():
        group_entry_points()


def group_entry_points() -> bool:
    """Give catalogue its entry points grouped by name; returns whether it changed anything."""
    try:
        import catalogue
    except ImportError:
        return False
    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if available is None or type(available) is dict or not hasattr(available, "select"):
        return False
    groups: dict[str, list[Any]] = {}
    if isinstance(available, dict):  # Python 3.11: a dict of group -> entry points
        for group, entry_points in dict.items(available):
            groups[group] = list(entry_points)
    else:
        for entry_point in available:
            groups.setdefault(entry_point.group, []).append(entry_point)
    catalogue.AVAILABLE_ENTRY_POINTS = groups
    return True


def defer_spacy_cli() -> bool:
    """Install the finder, unless spaCy is imported already; returns whether it did."""
    if any(name in sys.modules for name in ("spacy", *DEFERRED_MODULES)):
        return False
    if not any(isinstance(finder, DeferredModuleFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, DeferredModuleFinder(DEFERRED_MODULES, DEFERRED_FUNCTIONS))
    return True


class DeferredModuleFinder(importlib.abc.MetaPathFinder):
    """Finds ``names`` where the path finder would, with a loader that defers their code;
    removes itself once it has given all of them."""

    def __init__(self, names: tuple[str, ...], functions: dict[str, tuple[str, ...]]) -> None:
        self.pending = set(names)
        self.functions = functions

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.pending:
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None or real.loader is None or not real.has_location:
            return None
        self.pending.discard(fullname)
        if not self.pending and self in sys.meta_path:
            sys.meta_path.remove(self)
        loader = DeferredLoader(real, self.functions.get(fullname, ()))
        spec = importlib.machinery.ModuleSpec(fullname, loader, origin=real.origin, is_package=real.submodule_search_locations is not None)
        spec.submodule_search_locations = real.submodule_search_locations
        spec.cached = real.cached
        spec.has_location = True
        return spec


class DeferredLoader(importlib.abc.Loader):
    """Makes the module a ``DeferredModule`` of the real file, with ``functions`` that load it when called."""

    def __init__(self, real: importlib.machinery.ModuleSpec, functions: tuple[str, ...]) -> None:
        self.real = real
        self.functions = functions

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__dict__[_STATE] = (self.real, frozenset(self.functions))
        for name in self.functions:
            module.__dict__[name] = _load_then_call(module, name)
        module.__class__ = DeferredModule


_STATE = "__deferred_spec__"


class DeferredModule(ModuleType):
    """A module whose code runs the first time a name is read from it.

    Any name counts, not only missing ones: importing a submodule sets its name on
    the package before the package's code could bind that name to something else
    (spaCy's ``spacy.cli.download`` is a module and then a function). The import
    system's own probes (``__path__``, ``__spec__``, ...) and the preset functions
    are served without loading.
    """

    def __getattribute__(self, name: str) -> Any:
        namespace = ModuleType.__getattribute__(self, "__dict__")
        state = namespace.get(_STATE)
        if state is None or (name.startswith("__") and name.endswith("__") and name != "__all__") or name in state[1]:
            return ModuleType.__getattribute__(self, name)
        load(self)
        return getattr(self, name)


def is_deferred(module: ModuleType) -> bool:
    """Whether ``module`` is a stand-in whose code has not run yet."""
    return _STATE in module.__dict__


def load(module: ModuleType) -> None:
    """Run a deferred module's real code in it, once; it becomes a plain module."""
    state = module.__dict__.pop(_STATE, None)
    if state is None:
        return
    real = state[0]
    module.__class__ = ModuleType
    module.__loader__ = real.loader
    module.__spec__ = real
    real.loader.exec_module(module)


def _load_then_call(module: ModuleType, name: str) -> Callable[..., Any]:
    def deferred(*args: Any, **kwargs: Any) -> Any:
        load(module)
        real = module.__dict__[name]
        if real is deferred:
            raise ImportError(f"{module.__name__} does not define {name}")
        return real(*args, **kwargs)

    deferred.__name__ = deferred.__qualname__ = name
    deferred.__module__ = module.__name__
    return deferred
