"""Signal receivers that keep translations honest; connected by PortalConfig.ready()."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import Translation

from portal.models.taxonomy import TaggableMixin
from portal.translation_review import remember_existing_translation


@receiver(post_save, sender=Translation, dispatch_uid="portal-remember-existing-translation")
def _remember_existing_translation(sender, instance: Translation, created: bool, **kwargs):
    if created and not kwargs.get("raw"):
        remember_existing_translation(instance)


@receiver(copy_for_translation_done, dispatch_uid="portal-tags-in-own-language")
def _tag_translation_in_its_own_language(sender, source_obj, target_obj, **kwargs):
    target = getattr(target_obj, "specific", target_obj)
    if isinstance(target, TaggableMixin):
        target.use_terms_of_own_locale()
