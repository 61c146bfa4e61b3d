"""`conflict-events geocode NAME`: show the candidates for a place name and the one chosen."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import TextIO

from conflict_events.geo.gazetteer import get_gazetteer
from conflict_events.geo.resolve import resolve_place


def run_geocode_command(name: str, *, country: str | None = None, near: bool = False, fmt: str = "table",
                        out_stream: TextIO) -> int:
    """Print the resolution and candidates; exit code 0 when resolved, 1 when nothing matched."""
    import sys

    gaz = get_gazetteer()
    if country and gaz.country(country) is None:
        sys.stderr.write(f"Error: unknown country {country!r}. Give a country name as ACLED writes it, e.g. Iraq.\n")
        return 1
    ctx = [country] if country else []
    res = resolve_place(name, context_countries=ctx, near=near)
    cands = list(res.candidates) if res else gaz.candidates(name, country)
    if res is None:
        sys.stderr.write(f"Error: no place found for {name!r}. Try another spelling, or without --country.\n")
    if fmt == "json":
        payload = {
            "query": name, "country": country, "near": near,
            "chosen": asdict(res.place) if res else None,
            "geo_precision": res.geo_precision if res else None,
            "rule": res.rule if res else None,
            "candidates": [asdict(p) for p in cands],
        }
        out_stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0 if res else 1
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out_stream)
    if res:
        p = res.place
        console.print(f"[bold]{p.name}[/bold], {p.admin2 + ', ' if p.admin2 else ''}{p.admin1 + ', ' if p.admin1 else ''}"
                      f"{p.country} ({p.latitude:.4f}, {p.longitude:.4f}) geo_precision {res.geo_precision} "
                      f"[dim]rule {res.rule}[/dim]", soft_wrap=True)
    if not cands:
        return 0 if res else 1
    table = Table("name", "feature", "admin2", "admin1", "country", "lat", "lon", "population", "source")
    for p in cands[:20]:
        table.add_row(p.name, p.feature, p.admin2, p.admin1, p.country, f"{p.latitude:.4f}", f"{p.longitude:.4f}",
                      f"{p.population:,}", p.source)
    console.print(table)
    return 0 if res else 1
