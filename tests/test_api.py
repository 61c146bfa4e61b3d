"""The library entry points: long documents in pieces, true offsets, no crash on any text."""

from __future__ import annotations

import os
import random
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import conflict_events.api as api
from conflict_events.api import PIECE_CHARS, extract, iter_extract, split_text
from conflict_events.io.clean import clean
from conflict_events.io.documents import Document
from conflict_events.schema import interaction

FILLER = (
    "The regional council reviewed the annual report on farm output and water supply in the northern "
    "districts, and members noted steady progress on the new irrigation canals.\n\n"
)

# Distinct events (place and day), so that none merges with another.
EVENTS = [
    "Gunmen shot dead three farmers in Mosul on Sunday.",
    "Militants attacked a checkpoint in Kirkuk on Monday, killing three policemen.",
    "Hundreds of protesters marched in Basra on Tuesday against power cuts.",
    "An airstrike hit a village near Idlib on Wednesday, killing five civilians.",
    "Gunmen shot dead two traders in Tikrit on Thursday.",
    "Soldiers clashed with rebels in Cucuta on Friday, leaving four fighters dead.",
    "Militants attacked an army post in Baiji on Saturday, killing two soldiers.",
    "Gunmen shot dead four shepherds in Ramadi on Sunday.",
]
EVENT_PLACES = ["Mosul", "Kirkuk", "Basrah", "Idlib", "Tikrit", "Cucuta", "Bayji", "Ramadi"]


# --- split_text without spaCy ------------------------------------------------------------


def assert_pieces(text: str, pieces: list[tuple[int, str]], limit: int) -> None:
    assert "".join(piece for _, piece in pieces) == text
    position = 0
    for offset, piece in pieces:
        assert offset == position
        assert text[offset : offset + len(piece)] == piece
        assert 0 < len(piece) <= limit
        position += len(piece)


def test_short_text_is_one_piece():
    assert split_text("") == [(0, "")]
    assert split_text("A short text.") == [(0, "A short text.")]
    assert split_text("x" * 10, limit=10) == [(0, "x" * 10)]


def test_paragraph_breaks_come_first():
    text = ("One sentence here. Another one there.\n\n") * 40
    pieces = split_text(text, limit=200)
    assert_pieces(text, pieces, 200)
    for _, piece in pieces[:-1]:
        assert piece.endswith("there.\n")  # cut inside the blank line


def test_sentence_ends_when_there_is_no_paragraph():
    text = "Gunmen attacked a post. Troops returned fire! Was anyone hurt? " * 50  # one long line
    pieces = split_text(text, limit=300)
    assert_pieces(text, pieces, 300)
    for _, piece in pieces[:-1]:
        assert re.search(r"[.!?] $", piece), piece[-20:]


def test_hard_wrapped_lines_are_not_cut_mid_sentence_when_a_sentence_end_exists():
    words = ("Gunmen attacked the post near the river crossing at dawn and troops returned fire " * 3).split()
    sentence = ""
    for i, word in enumerate(words):
        sentence += word + ("\n" if i % 8 == 7 else " ")
    text = (sentence.strip() + ".\n") * 30  # lines wrapped at 8 words, sentences spanning lines
    pieces = split_text(text, limit=700)
    assert_pieces(text, pieces, 700)
    for _, piece in pieces[:-1]:
        assert piece.endswith(".\n"), piece[-30:]


def test_text_without_any_boundary_is_cut_hard():
    text = "x" * 1050
    pieces = split_text(text, limit=100)
    assert_pieces(text, pieces, 100)
    assert [len(p) for _, p in pieces] == [100] * 10 + [50]


def test_a_twelve_megabyte_document_splits_at_boundaries():
    rng = random.Random(7)
    words = ["troops", "village", "reported", "the", "council", "water", "Mosul", "clashes", "said", "officials"]
    paragraphs = []
    size = 0
    while size < 12_000_000:
        kind = rng.random()
        if kind < 0.02:
            paragraph = "".join(rng.choice("abcdefgh") for _ in range(rng.randint(1000, 150_000)))  # no spaces
        else:
            sentences = []
            for _ in range(rng.randint(1, 30)):
                sentence = " ".join(rng.choice(words) for _ in range(rng.randint(3, 40)))
                sentences.append(sentence.capitalize() + rng.choice(".!?"))
            paragraph = " ".join(sentences)
            if kind < 0.2:
                paragraph = paragraph.replace(" the ", "\nthe ")  # hard-wrapped lines
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text = "\n\n".join(paragraphs)
    assert len(text) >= 12_000_000
    pieces = split_text(text)
    assert_pieces(text, pieces, PIECE_CHARS)
    for offset, piece in pieces[:-1]:
        end = offset + len(piece)
        before, after = text[end - 1], text[end]
        # At a paragraph, sentence, line or word boundary, unless a window had none
        # in its second half (the long runs without spaces).
        if not before.isspace():
            window = text[offset : offset + PIECE_CHARS]
            assert not re.search(r"\s", window[PIECE_CHARS // 2 :]), (offset, before, after)
            assert len(piece) == PIECE_CHARS
    # Pieces stay large: far fewer than one per paragraph.
    assert len(pieces) < 2 * len(text) / PIECE_CHARS + 10


# --- long documents through the pipeline --------------------------------------------------


def seam_document(limit: int, target_chars: int) -> str:
    """Filler with the event paragraphs placed to end a piece, to start the next one, or inside one.

    split_text is greedy from the left, so the start of the last piece of the
    text written so far is a real cut; the layout is built against it.
    """
    short = "More talks are planned.\n\n"
    text = ""
    for i, event in enumerate(EVENTS):
        paragraph = event + "\n\n"
        piece_start = split_text(text, limit)[-1][0]
        used = lambda: len(text) - piece_start  # noqa: E731
        if i % 3 == 0:  # the last paragraph of a piece
            while used() + len(FILLER) + len(paragraph) <= limit:
                text += FILLER
            text += paragraph
        elif i % 3 == 1:  # the first paragraph of the next piece
            while used() + len(FILLER) <= limit:
                text += FILLER
            while used() + len(paragraph) <= limit:
                text += short
            text += paragraph
        else:  # inside a piece
            text += FILLER * 3 + paragraph + FILLER * 3
        # More than a piece of filler: the text now runs past the next cut, so the
        # start of its last piece is a real cut.
        text += FILLER * (limit // len(FILLER) + 1)
    while len(text) < target_chars:
        text += FILLER
    return text


def check_long_document(text: str, limit: int) -> None:
    pieces = split_text(clean(text), limit)
    assert len(pieces) > 10
    cuts = {offset for offset, _ in pieces[1:]}
    # The layout really puts events at seams: some end right before a cut, some start right after one.
    starts = [text.index(event) for event in EVENTS]
    ends = [start + len(event) for start, event in zip(starts, EVENTS)]
    at_end = [i for i, end in enumerate(ends) if any(0 <= cut - end <= 2 for cut in cuts)]
    at_start = [i for i, start in enumerate(starts) if any(0 <= start - cut <= 2 for cut in cuts)]
    assert at_end == [i for i in range(len(EVENTS)) if i % 3 == 0]
    assert at_start == [i for i in range(len(EVENTS)) if i % 3 == 1]
    # No event sentence is cut.
    for start, end in zip(starts, ends):
        assert not any(start < cut < end for cut in cuts)

    [(document, rows)] = list(iter_extract([Document(id="long", text=text)]))
    assert document.id == "long"
    for row in rows:
        assert text[row.char_start : row.char_end] == row.evidence
    found = {row.evidence: row.location for row in rows}
    for event, place in zip(EVENTS, EVENT_PLACES):
        assert found.get(event) == place, (event, found)
    assert len(rows) == len(EVENTS)


def test_long_document_in_pieces_keeps_events_at_the_seams(monkeypatch):
    monkeypatch.setattr(api, "PIECE_CHARS", 3_000)
    limit = 3_000
    text = seam_document(limit, 60_000)
    assert len(text) > 20 * limit
    check_long_document(text, limit)


@pytest.mark.skipif(not os.environ.get("CONFLICT_EVENTS_SLOW_TESTS"), reason="about two minutes; set CONFLICT_EVENTS_SLOW_TESTS=1")
def test_two_megabyte_document_in_pieces(monkeypatch):
    monkeypatch.setattr(api, "PIECE_CHARS", 20_000)
    text = seam_document(20_000, 2_100_000)
    assert len(text.encode()) > 2_000_000
    check_long_document(text, 20_000)


def test_iter_extract_reads_piece_chars_at_call_time(monkeypatch):
    calls = []
    real = api.split_text

    def spy(text, limit=None):
        calls.append(limit)
        return real(text, limit)

    monkeypatch.setattr(api, "split_text", spy)
    monkeypatch.setattr(api, "PIECE_CHARS", 1234)
    list(iter_extract([Document(id="a", text=EVENTS[0])]))
    assert calls == [1234]


def test_offsets_point_into_the_original_text_with_boilerplate():
    text = (
        "Home > World > Middle East\n\n"
        "MOSUL, Iraq (Reuters) — Gunmen shot dead three farmers in Mosul on Sunday, officials said.\n\n"
        "Share this article\n"
    )
    rows = extract(text, date="2025-03-05")
    assert rows
    for row in rows:
        assert text[row.char_start : row.char_end] == row.evidence


# --- no crash on arbitrary text ---------------------------------------------------------------

ODD_PIECES = [
    "\u202eمسلحون هاجموا نقطة تفتيش في الموصل\u202c",
    "חמושים תקפו מחסום",
    "🔥💣🚀 " * 20,
    "\x00\x01\x07\x1b[31m\x7f",
    "\u200b\u200d\ufeff\u00ad",
    "A" * 5000,
    "-" * 3000 + "\n",
    "\r\n\r\n\t\t",
    "Gunmen shot dead three farmers in Mosul on Sunday.",
    "=SUM(A1:A9) @user +1 -2",
    "ǅ ﬁ ß İ ẞ",
    # Digits int() does not read: superscripts, circled numbers.
    "² ³⁴ ① 5²",
    "\ud7ff\ue000\U0010fffd",
    "Militants attacked a checkpoint in Kirkuk on Monday, killing three policemen.",
]

arbitrary_text = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300),
        st.sampled_from(ODD_PIECES),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary_text)
@example("² Gunmen shot dead three farmers in Mosul on Sunday.")
def test_no_crash_on_arbitrary_text(text):
    rows = extract(text, date="2025-03-05")
    for row in rows:
        assert row.interaction == interaction(row.inter1, row.inter2)
        assert text[row.char_start : row.char_end] == row.evidence
        assert 0 <= row.char_start <= row.char_end <= len(text)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary_text, st.integers(min_value=1, max_value=400))
def test_split_text_on_arbitrary_text(text, limit):
    pieces = split_text(text, limit)
    if len(text) <= limit:
        assert pieces == [(0, text)]
    else:
        assert_pieces(text, pieces, limit)
