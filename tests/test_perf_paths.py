"""The fast paths give the same rows as the plain ones: worker processes, cached matchers."""

from __future__ import annotations

import multiprocessing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflict_events.api as api
from conflict_events.api import iter_extract
from conflict_events.io.documents import Document

TEXTS = [
    "Gunmen shot dead three farmers in Mosul on Sunday.",
    "Militants attacked a checkpoint in Kirkuk on Monday, killing three policemen.",
    "Hundreds of protesters marched in Basra on Tuesday against power cuts.",
    "An airstrike hit a village near Idlib on Wednesday, killing five civilians.",
    "The regional council reviewed the annual report on farm output.",
    "Soldiers clashed with rebels in Cucuta on Friday, leaving four fighters dead.",
    "Militants attacked an army post in Baiji on Saturday, killing two soldiers.",
]


def documents(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=TEXTS[i % len(TEXTS)]) for i in range(n)]


def as_dicts(results) -> list[tuple[str, list[dict]]]:
    return [(document.id, [row.to_dict() for row in rows]) for document, rows in results]


def test_two_workers_give_the_same_rows_and_ids_in_the_same_order():
    docs = documents(30)  # several chunks per worker
    one = as_dicts(iter_extract(docs, n_process=1))
    two = as_dicts(iter_extract(docs, n_process=2))
    assert [doc_id for doc_id, _ in two] == [d.id for d in docs]
    assert two == one
    assert any(rows for _, rows in one)
    assert multiprocessing.active_children() == []


def test_one_chunk_of_work_starts_no_process(monkeypatch):
    started = []
    monkeypatch.setattr(api._WorkerPool, "__init__", lambda self, *a, **k: started.append(1))
    rows = as_dicts(iter_extract(documents(2), n_process=2))
    assert [doc_id for doc_id, _ in rows] == ["d0", "d1"]
    assert started == []


@pytest.mark.parametrize("n, workers", [(40, 2), (41, 2), (9, 2), (30, 3), (7, 1)])
def test_chunks_keep_the_order_and_shrink_to_single_documents_at_the_end(n, workers):
    docs = documents(n)
    chunks = list(api._chunks(docs, workers))
    assert [d for chunk in chunks for d in chunk] == docs
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) <= api.CHUNK_DOCUMENTS
    assert sizes == sorted(sizes, reverse=True), "chunks only get smaller towards the end"
    assert sizes[-1] == 1
    if n > api.CHUNK_DOCUMENTS * (workers + 1):
        assert sizes[0] == api.CHUNK_DOCUMENTS


def test_chunks_read_a_chunk_per_worker_ahead_and_no_more():
    read = []

    def source():
        for document in documents(100):
            read.append(document)
            yield document

    chunks = api._chunks(source(), 2)
    first = next(chunks)
    assert len(first) == api.CHUNK_DOCUMENTS
    assert len(read) == api.CHUNK_DOCUMENTS * 3


def test_chunks_close_at_the_character_limit():
    docs = [Document(id=f"d{i}", text="x" * (api.CHUNK_CHARS // 2)) for i in range(12)]
    assert [len(chunk) for chunk in api._chunks(docs, 1)][:2] == [2, 2]


def test_workers_stream_and_read_ahead_only_a_little():
    read = []

    def source():
        for document in documents(400):
            read.append(document.id)
            yield document

    results = iter_extract(source(), n_process=2)
    first_document, _ = next(results)
    assert first_document.id == "d0"
    assert len(read) < 100, "the whole input was read before the first rows came out"
    results.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("workers", [1, 2])
def test_the_collector_skips_the_pipeline_during_a_run_and_only_then(workers):
    import gc

    assert gc.get_freeze_count() == 0
    results = iter_extract(documents(12), n_process=workers)
    next(results)
    assert gc.get_freeze_count() > 0
    list(results)
    assert gc.get_freeze_count() == 0
    results = iter_extract(documents(12), n_process=workers)
    next(results)
    results.close()  # a caller that stops early
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_pauses_while_the_pipeline_is_built_and_is_left_as_it_was(monkeypatch, collecting):
    import gc

    import conflict_events.events.assemble as assemble
    import conflict_events.nlp.pipeline as pipeline

    seen = []

    class NoPipeline:
        def pipe(self, texts, **options):
            return iter(())

    def build(model, actors_file):
        seen.append(gc.isenabled())
        return NoPipeline()

    monkeypatch.setattr(pipeline, "build_pipeline", build)
    monkeypatch.setattr(assemble, "default_resources", lambda actors_file=None: seen.append(gc.isenabled()))
    (gc.enable if collecting else gc.disable)()
    try:
        assert list(iter_extract([])) == []
        assert seen == [False, False]
        assert gc.isenabled() is collecting
    finally:
        gc.enable()


def test_a_failure_in_a_worker_reaches_the_caller(monkeypatch):
    original = api.document_rows

    def failing(nlp, resources, docs, **kwargs):
        if any(d.id == "d9" for d in docs):
            raise ValueError("broken document")
        return original(nlp, resources, docs, **kwargs)

    # The workers are forked after this, so they run the patched function.
    monkeypatch.setattr(api, "document_rows", failing)
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork") or "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs the fork start method")
    with pytest.raises(ValueError, match="broken document"):
        list(iter_extract(documents(20), n_process=2))
    assert multiprocessing.active_children() == []


# --- the cache of tokenized phrase patterns ----------------------------------------------


def _reference_matcher(nlp, phrases):
    """spaCy's PhraseMatcher over the phrases as tokenized Docs: (label, start, end) of its matches, sorted."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_label: dict[str, list[str]] = {}
    for phrase, label in phrases:
        by_label.setdefault(label, []).append(phrase)
    for label, items in by_label.items():
        matcher.add(label, list(nlp.tokenizer.pipe(items)))
    return lambda doc: sorted((nlp.vocab.strings[key], start, end) for key, start, end in matcher(doc))


def test_cached_phrase_patterns_match_as_tokenized_docs(tmp_path, monkeypatch):
    import spacy

    from conflict_events.actors import get_actor_dictionary
    from conflict_events.nlp import components
    from conflict_events.nlp.pipeline import find_model

    monkeypatch.setenv("CONFLICT_EVENTS_CACHE_DIR", str(tmp_path))
    nlp = spacy.load(find_model(), exclude=["lemmatizer"])
    phrases = list(get_actor_dictionary().aliases()) + list(components.lexicon.weapon_phrases().items())
    text = " ".join(TEXTS) + (
        " The U.S. military and Kataib Hezbollah traded fire; the Islamic State, al-Shabaab and the RSF"
        " were blamed, and Boko Haram fighters fired rockets and a one-way attack drone at police."
    )
    doc = nlp.make_doc(text)
    expected = _reference_matcher(nlp, phrases)(doc)
    assert expected

    built = components._phrase_index(nlp, phrases)  # computes and writes the cache
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("phrases-")]
    assert sorted(built(doc)) == expected
    reloaded = components._phrase_index(nlp, phrases)  # reads it
    assert sorted(reloaded(doc)) == expected

    # Another phrase list is another entry, never the old one.
    fewer = components._phrase_index(nlp, phrases[:100])
    assert sorted(fewer(doc)) == _reference_matcher(nlp, phrases[:100])(doc)


def test_a_damaged_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    import spacy

    from conflict_events.nlp import components
    from conflict_events.nlp.pipeline import find_model

    nlp = spacy.load(find_model(), exclude=["lemmatizer"])
    phrases = list(components.lexicon.weapon_phrases().items())
    doc = nlp.make_doc("Militants fired rockets and mortar shells; a drone strike and an IED followed.")
    expected = _reference_matcher(nlp, phrases)(doc)

    monkeypatch.setenv("CONFLICT_EVENTS_CACHE_DIR", str(tmp_path))
    components._phrase_index(nlp, phrases)
    for path in tmp_path.iterdir():
        path.write_text('{"key": "x", "patterns": {', encoding="utf-8")
    assert sorted(components._phrase_index(nlp, phrases)(doc)) == expected

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CONFLICT_EVENTS_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert sorted(components._phrase_index(nlp, phrases)(doc)) == expected
    monkeypatch.setenv("CONFLICT_EVENTS_CACHE_DIR", "")  # off
    assert sorted(components._phrase_index(nlp, phrases)(doc)) == expected


@pytest.fixture(scope="module")
def stock_and_once_built():
    import spacy

    from conflict_events.nlp.pipeline import find_model, tokenizer_overrides

    name = find_model()
    overrides = tokenizer_overrides(name)
    assert overrides, "the English pipeline has a saved stock tokenizer"
    return spacy.load(name, exclude=["lemmatizer"]), spacy.load(name, exclude=["lemmatizer"], config=overrides)


TOKENIZER_TEXTS = [
    "U.S. forces didn't strike al-Asad's base (Oyam, Northern) at 5km; see https://example.org/a?b=1 :)",
    "Zorvel's militia—about 40 men—fired 3 rockets at 10:30 a.m. on Jan. 5th, 2024 (CENTCOM).",
    "“Mrs. O'Neill,” he said, “e-mail me at zorvel@example.com!” $4.5bn, 1,200 km², 45°C.",
]


@pytest.mark.parametrize("text", TOKENIZER_TEXTS)
def test_the_tokenizer_built_once_splits_as_the_stock_one(stock_and_once_built, text):
    stock, once = stock_and_once_built
    assert [t.text for t in once.tokenizer(text)] == [t.text for t in stock.tokenizer(text)]


def test_the_tokenizer_built_once_holds_the_saved_rules(stock_and_once_built):
    stock, once = stock_and_once_built
    assert once.tokenizer.rules == stock.tokenizer.rules
    assert once.tokenizer.prefix_search.__self__.pattern == stock.tokenizer.prefix_search.__self__.pattern
    assert once.tokenizer.infix_finditer.__self__.pattern == stock.tokenizer.infix_finditer.__self__.pattern


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=120))
def test_the_tokenizer_built_once_agrees_on_any_text(stock_and_once_built, text):
    stock, once = stock_and_once_built
    assert [t.text for t in once.tokenizer(text)] == [t.text for t in stock.tokenizer(text)]


def test_a_pipeline_without_a_saved_tokenizer_keeps_its_own(tmp_path):
    import spacy

    from conflict_events.nlp.pipeline import tokenizer_overrides

    nlp = spacy.blank("en")
    nlp.to_disk(tmp_path / "with")
    nlp.to_disk(tmp_path / "without", exclude=["tokenizer"])
    assert tokenizer_overrides(str(tmp_path / "with"))
    assert tokenizer_overrides(str(tmp_path / "without")) == {}
    assert tokenizer_overrides(str(tmp_path / "missing")) == {}
    config = (tmp_path / "with" / "config.cfg").read_text(encoding="utf-8")
    (tmp_path / "with" / "config.cfg").write_text(config.replace('"spacy.Tokenizer.v1"', '"spacy.zh.ChineseTokenizer"'), encoding="utf-8")
    assert tokenizer_overrides(str(tmp_path / "with")) == {}


def test_a_pipeline_saved_from_the_project_names_the_stock_tokenizer(tmp_path):
    import spacy

    from conflict_events.nlp.pipeline import build_pipeline

    nlp = build_pipeline(None, None)
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "spacy.Tokenizer.v1"}
    nlp.to_disk(tmp_path / "saved", exclude=["tokenizer"])
    reloaded = spacy.load(tmp_path / "saved", exclude=["tokenizer"])  # the tokenizer the config names
    text = TOKENIZER_TEXTS[0]
    assert [t.text for t in reloaded.tokenizer(text)] == [t.text for t in nlp.tokenizer(text)]


def test_the_pattern_cache_keeps_only_the_most_recently_used_entries(tmp_path, monkeypatch):
    import os

    import spacy

    from conflict_events.nlp import components
    from conflict_events.nlp.pipeline import find_model

    monkeypatch.setenv("CONFLICT_EVENTS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(components, "CACHE_ENTRIES_KEPT", 3)
    nlp = spacy.load(find_model(), exclude=["lemmatizer"])
    phrase_lists = [[(f"zorvel phrase {i}", "LABEL")] for i in range(4)]
    entries = []
    for age, phrases in enumerate(phrase_lists[:3], start=1):
        components._phrase_index(nlp, phrases)
        entry = next(p for p in tmp_path.glob("phrases-*.json") if p not in entries)
        os.utime(entry, (age, age))  # written long ago, oldest first
        entries.append(entry)
    components._phrase_index(nlp, phrase_lists[0])  # the oldest is read again: in use
    components._phrase_index(nlp, phrase_lists[3])  # a fourth entry: one must go
    kept = set(tmp_path.glob("phrases-*.json"))
    assert len(kept) == 3
    assert entries[0] in kept and entries[1] not in kept
