"""Actor layer: the ACLED-style actor dictionary and mention resolution.

>>> from conflict_events.actors import get_actor_dictionary
>>> get_actor_dictionary().resolve("Russian soldiers", event_country="Ukraine").name
'Military Forces of Russia (2000-)'
"""

from .dictionary import (
    Actor,
    ActorDictionary,
    ActorFileError,
    get_actor_dictionary,
    normalise,
    strip_period,
)
from .resolve import associate_group, find_acronyms

__all__ = [
    "Actor",
    "ActorDictionary",
    "ActorFileError",
    "associate_group",
    "find_acronyms",
    "get_actor_dictionary",
    "normalise",
    "strip_period",
]
