"""`manage.py fill_translations`: fill empty Dutch msgstrs from locale/pairs/*.json.

Every helper who adds interface strings also adds {"English msgid": "Dutch"} pairs to a JSON
file in locale/pairs/. After `makemessages -l nl`, this command copies those translations
into locale/nl/LC_MESSAGES/django.po and lists what is still untranslated. It never overwrites
a translation already in the .po file (a translator may have improved it there), unless
--overwrite is given, and it refuses a translation whose placeholders differ from the msgid's,
because such a string would break at runtime or in compilemessages.

    manage.py makemessages -l nl --ignore=.venv --ignore=node_modules
    manage.py fill_translations            # fill, report untranslated
    manage.py fill_translations --check    # exit 1 when anything is untranslated
"""

import json
import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def load_pairs(folder: Path) -> tuple[dict[str, str], list[str]]:
    """All pairs from folder/*.json (sorted by name); conflicting translations are reported."""
    pairs: dict[str, str] = {}
    conflicts: list[str] = []
    for path in sorted(folder.glob("*.json")):
        for msgid, msgstr in json.loads(path.read_text(encoding="utf-8")).items():
            if not msgstr:
                continue
            if msgid in pairs and pairs[msgid] != msgstr:
                conflicts.append(f"{path.name}: {msgid!r}: {pairs[msgid]!r} vs {msgstr!r}")
            pairs.setdefault(msgid, msgstr)
    return pairs, conflicts


def is_untranslated(entry: polib.POEntry) -> bool:
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not entry.msgstr_plural or not all(entry.msgstr_plural.values())
    return not entry.msgstr


class Command(BaseCommand):
    help = "Fill empty msgstrs in the Dutch .po file from locale/pairs/*.json."

    def add_arguments(self, parser):
        base = Path(settings.BASE_DIR) / "locale"
        parser.add_argument("--po", default=str(base / "nl" / "LC_MESSAGES" / "django.po"))
        parser.add_argument("--pairs", default=str(base / "pairs"))
        parser.add_argument("--overwrite", action="store_true", help="Also replace translations.")
        parser.add_argument(
            "--check", action="store_true", help="Fail if any msgid is untranslated."
        )

    def handle(self, *args, po: str, pairs: str, overwrite: bool, check: bool, **options):
        po_path = Path(po)
        if not po_path.exists():
            raise CommandError(f"{po_path} does not exist; run makemessages -l nl first.")
        translations, conflicts = load_pairs(Path(pairs))
        catalogue = polib.pofile(str(po_path), wrapwidth=100)

        filled, rejected = 0, []
        for entry in catalogue:
            if entry.obsolete or not (overwrite or is_untranslated(entry)):
                continue
            if entry.msgid_plural:
                singular = translations.get(entry.msgid)
                plural = translations.get(entry.msgid_plural)
                if not (singular and plural):
                    continue
                candidates = {0: singular, 1: plural}
                sources = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                if entry.msgid not in translations:
                    continue
                candidates = {0: translations[entry.msgid]}
                sources = {0: entry.msgid}
            if any(placeholders(candidates[i]) != placeholders(sources[i]) for i in candidates):
                rejected.append(entry.msgid)
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = candidates
            else:
                entry.msgstr = candidates[0]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = None
            filled += 1

        # makemessages writes a template header; say what this catalogue is instead.
        catalogue.metadata.update(
            {
                "Project-Id-Version": "Steiger",
                "Language": po_path.parent.parent.name,
                "Language-Team": "Steiger",
                "Last-Translator": "Steiger",
            }
        )
        catalogue.metadata_is_fuzzy = False
        catalogue.header = (
            "Dutch interface texts of Steiger. Fill with manage.py fill_translations."
        )
        catalogue.save(str(po_path))
        missing = [
            entry.msgid for entry in catalogue if not entry.obsolete and is_untranslated(entry)
        ]

        self.stdout.write(f"Filled {filled} msgstr(s) in {po_path}.")
        for line in conflicts:
            self.stdout.write(f"Conflicting pair (first file wins): {line}")
        for msgid in rejected:
            self.stdout.write(f"Placeholders differ, not used: {msgid!r}")
        self.stdout.write(f"Untranslated: {len(missing)}")
        for msgid in missing:
            self.stdout.write(f"  {msgid!r}")
        if check and missing:
            raise CommandError(f"{len(missing)} msgid(s) have no Dutch translation.")
