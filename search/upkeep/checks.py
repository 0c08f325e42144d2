"""Start-up check: modelsearch's own automatic index updates must be off for every backend.

Left on, modelsearch indexes an object on every save: a draft page the moment an editor
creates it, a document in a private collection. The index upkeep (search/receivers.py) takes
their place and indexes only what the public may see.
"""

from django.core.checks import CheckMessage, Error
from modelsearch.conf import get_app_config


def check_auto_update_off(app_configs=None, **kwargs) -> list[CheckMessage]:
    settings_name = get_app_config().backend_setting_name
    return [
        Error(
            f'{settings_name}["{name}"] updates the index on every save, drafts included.',
            hint=f'Add "AUTO_UPDATE": False to {settings_name}["{name}"]: search/receivers.py '
            "keeps the index up to date with public content only.",
            id="search.E001",
        )
        for name, params in get_app_config().get_search_backend_config().items()
        if params.get("AUTO_UPDATE", True) is not False
    ]
