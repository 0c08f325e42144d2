import factory

from portal.factories import PortalPageFactory

from .models import TrainingPage


class TrainingPageFactory(PortalPageFactory):
    """A live training page; `themes` takes a list of labels."""

    title = factory.Sequence(lambda number: f"Training {number}")
    slug = factory.Sequence(lambda number: f"training-{number}")

    class Meta:
        model = TrainingPage

    @factory.post_generation
    def themes(page, create: bool, terms, **kwargs) -> None:
        if create and terms:
            page.themes.set(terms)
            page.save()
