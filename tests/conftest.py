import pytest
import spacy

from conflict_events.nlp.pipeline import add_project_components, find_model


@pytest.fixture(scope="session")
def tagged_nlp():
    """The English pipeline with the project's taggers, without the actor and site lexicons."""
    nlp = spacy.load(find_model(), exclude=["lemmatizer"])
    return add_project_components(nlp, actor_aliases=False, sites=False)
