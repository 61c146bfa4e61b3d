"""Offline geocoding: gazetteer lookups and ACLED-style place resolution."""
from conflict_events.geo.gazetteer import Country, Gazetteer, Place, get_gazetteer
from conflict_events.geo.normalize import normalize
from conflict_events.geo.resolve import Resolution, places_for_text, resolve_place

__all__ = ["Country", "Gazetteer", "Place", "Resolution", "get_gazetteer", "normalize", "places_for_text",
           "resolve_place"]
