from wagtail.models import Page

from portal.models import TaggableMixin


class TrainingPage(TaggableMixin, Page):
    """A course or session that carries themes, as the courses app's pages will."""

    class Meta:
        verbose_name = "training page"
