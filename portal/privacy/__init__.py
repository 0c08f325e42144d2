"""Personal data: who owns it, how it is exported, erased and expired (the privacy app).

The door for an app: an `<app>/privacy.py` module that registers the app's owners and exempts
what only looks personal; see registry.py. The names an app needs are importable from here.
"""

from .registry import Exemption, PersonalDataOwner, exempt, register, registry, retention

__all__ = ["Exemption", "PersonalDataOwner", "exempt", "register", "registry", "retention"]
