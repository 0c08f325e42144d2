"""Random knowledge articles for benchmarks: `manage.py create_random_content N` (search's
command) calls `create(count, rng)` here through its door, then rebuilds the search index once.

The articles are Dutch, live, tagged and spread over three years, and read like the demo
articles because they are put together from them: their headings, sentences, signals, steps,
questions, quotes and "what can you do" boxes (knowledge/demo_articles.py). They go under the
first Dutch knowledge index; without one nothing is made (`load_demo_content` makes one).

Why not `add_child`: Wagtail's full save costs about 40 ms an article (validation, the
reference index and index tasks per page), seven minutes for 10,000. The pages are written in
bulk instead, with exactly the tree fields treebeard's `add_child` would give them (`path`,
`depth`, the parent's `numchild`) and Wagtail's `url_path`, so they route and list like any
other page. Because no save signal runs for the page rows, and the article rows are saved raw
(as `loaddata` saves a fixture, which the search upkeep's receivers and Wagtail's reference
index ignore), no per-object index update is queued: the command rebuilds the index once.
"""

import html
import random
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from portal.models import Audience, Municipality, Theme
from portal.page_cache import bump_content_version

from .demo_articles import ARTICLES
from .models import ArticlePage, KnowledgeIndexPage

LANGUAGE = "nl"
SPREAD = timedelta(days=3 * 365)
BATCH_SIZE = 500
MAX_SLUG_LENGTH = 80


class NoKnowledgeIndex(LookupError):
    """There is no Dutch knowledge index to put articles under (a LookupError, which the
    command reports without importing this app)."""


# --- The vocabulary, read from the demo articles --------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    titles: tuple[str, ...]
    seo_titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    intro_sentences: tuple[str, ...]
    sentences: tuple[str, ...]
    headings: tuple[str, ...]  # the <h2>s of the text blocks
    block_headings: tuple[str, ...]  # of the signals and steps blocks
    signals: tuple[str, ...]
    steps: tuple[dict[str, str], ...]
    questions: tuple[dict[str, str], ...]
    quotes: tuple[dict[str, Any], ...]
    callouts: tuple[dict[str, Any], ...]
    proper_words: frozenset[str] = field(default_factory=frozenset)


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_HEADING = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# A sentence ends at . ? or ! followed by a capital (Dutch sentences may start with 's or a
# digit rarely; those stay joined to the previous one, which reads just as well).
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _sentences(text: str) -> list[str]:
    return [sentence for sentence in _SENTENCE_END.split(_plain(text)) if len(sentence) > 20]


def _proper_words(sentences: Sequence[str]) -> frozenset[str]:
    """Words written with a capital inside a sentence (Veilig Thuis, Tilburg): a heading that
    starts with one keeps its capital when it follows a colon in a title."""
    found = set()
    for sentence in sentences:
        for word in sentence.split()[1:]:
            if word[:1].isupper():
                found.add(word.strip(".,:;?!()'\""))
    return frozenset(found)


@cache
def vocabulary() -> Vocabulary:
    """Everything a random article is made of, from the Dutch demo articles (read once)."""
    dutch = [article.nl for article in ARTICLES if article.model == "knowledge.ArticlePage"]
    sentences: list[str] = []
    headings: list[str] = []
    block_headings: list[str] = []
    signals: list[str] = []
    steps: list[dict[str, str]] = []
    questions: list[dict[str, str]] = []
    quotes: list[dict[str, Any]] = []
    callouts: list[dict[str, Any]] = []
    for translation in dutch:
        for block in translation.body:
            kind, value = block["type"], block["value"]
            if kind == "text":
                headings.extend(_plain(heading) for heading in _HEADING.findall(value))
                for paragraph in _PARAGRAPH.findall(value):
                    sentences.extend(_sentences(paragraph))
            elif kind == "signals":
                block_headings.append(value["heading"])
                signals.extend(value["items"])
            elif kind == "steps":
                block_headings.append(value["heading"])
                steps.extend(value["steps"])
            elif kind == "accordion":
                questions.extend(value["items"])
            elif kind == "quote":
                quotes.append(value)
            elif kind == "callout":
                callouts.append(value)
    intro_sentences = [sentence for t in dutch for sentence in _sentences(t.intro)]
    return Vocabulary(
        titles=tuple(t.title for t in dutch),
        seo_titles=tuple(t.seo_title for t in dutch if t.seo_title),
        descriptions=tuple(t.search_description for t in dutch if t.search_description),
        intro_sentences=tuple(intro_sentences),
        sentences=tuple(sentences),
        headings=tuple(dict.fromkeys(headings)),
        block_headings=tuple(dict.fromkeys(block_headings)),
        signals=tuple(dict.fromkeys(signals)),
        steps=tuple(steps),
        questions=tuple(questions),
        quotes=tuple(quotes),
        callouts=tuple(callouts),
        proper_words=_proper_words([*sentences, *intro_sentences]),
    )


# --- One article's fields ------------------------------------------------------------------


@dataclass(frozen=True)
class Terms:
    """The taxonomy of the index's language, in a fixed order (the same seed, the same tags)."""

    themes: list[Theme]
    audiences: list[Audience]
    municipalities: list[Municipality]

    @classmethod
    def of_locale(cls, locale_id: int) -> "Terms":
        return cls(
            *(
                list(model.objects.filter(locale_id=locale_id).order_by("slug"))
                for model in (Theme, Audience, Municipality)
            )
        )


@dataclass
class Draft:
    """An article before it has a place in the tree."""

    title: str
    fields: dict[str, Any]
    themes: list[Theme]
    audiences: list[Audience]
    municipalities: list[Municipality]


def _after_colon(heading: str, words: Vocabulary) -> str:
    first = heading.split()[0]
    return heading if first in words.proper_words else heading[0].lower() + heading[1:]


def _title(
    rng: random.Random, words: Vocabulary, theme: Theme | None, place: Municipality | None
) -> str:
    """A theme and a heading ("Kindermishandeling: geen detective"), or a demo title for one
    of the region's municipalities ("Verwaarlozing herkennen in Goirle")."""
    if place is not None:
        title = rng.choice([t for t in words.titles if not t.endswith("?")])
        return f"{title} in {place.name}"
    heading = rng.choice([*words.headings, *words.block_headings])
    subject = theme.name if theme is not None else "Huiselijk geweld"
    return f"{subject}: {_after_colon(heading, words)}"


def _paragraph(rng: random.Random, words: Vocabulary, low: int, high: int) -> str:
    chosen = rng.sample(words.sentences, rng.randint(low, high))
    return "<p>" + html.escape(" ".join(chosen), quote=False) + "</p>"


def _body(rng: random.Random, words: Vocabulary) -> list[dict[str, Any]]:
    """Two to four text sections, with the demo's other block types in between, as the demo
    articles mix them; most end with a "what can you do" box."""
    blocks: list[dict[str, Any]] = []
    for number in range(rng.randint(2, 4)):
        section = f"<h2>{html.escape(rng.choice(words.headings))}</h2>"
        section += _paragraph(rng, words, 2, 5)
        if rng.random() < 0.4:
            section += _paragraph(rng, words, 2, 4)
        blocks.append({"type": "text", "value": section})
        if number == 0 and rng.random() < 0.6:
            items = rng.sample(words.signals, rng.randint(3, 6))
            heading = rng.choice(words.block_headings)
            blocks.append({"type": "signals", "value": {"heading": heading, "items": items}})
        if number == 1 and rng.random() < 0.5:
            chosen = rng.sample(words.steps, rng.randint(3, 5))
            heading = rng.choice(words.block_headings)
            blocks.append({"type": "steps", "value": {"heading": heading, "steps": chosen}})
    if rng.random() < 0.3:
        blocks.append({"type": "quote", "value": dict(rng.choice(words.quotes))})
    if rng.random() < 0.35:
        items = rng.sample(words.questions, rng.randint(2, 3))
        blocks.append(
            {"type": "accordion", "value": {"title": "Veelgestelde vragen", "items": items}}
        )
    if rng.random() < 0.8:
        blocks.append({"type": "callout", "value": dict(rng.choice(words.callouts))})
    return blocks


def draft(rng: random.Random, words: Vocabulary, terms: Terms, now: datetime) -> Draft:
    """One random article's title, fields and tags."""
    themes = rng.sample(terms.themes, min(len(terms.themes), rng.randint(1, 3)))
    audiences = rng.sample(terms.audiences, min(len(terms.audiences), rng.randint(1, 2)))
    # Most articles are for the whole region; some are about one or two municipalities.
    local = terms.municipalities and rng.random() < 0.3
    places = rng.sample(terms.municipalities, rng.randint(1, 2)) if local else []
    title = _title(rng, words, themes[0] if themes else None, places[0] if places else None)
    published = now - timedelta(seconds=rng.uniform(0, SPREAD.total_seconds()))
    reviewed = min(published + timedelta(days=rng.uniform(0, 365)), now).date()
    intro = " ".join(rng.sample(words.intro_sentences, rng.randint(2, 3)))
    fields = {
        "title": title,
        "draft_title": title,
        # A neutral browser-tab title, as the demo articles have (DESIGN.md: safety).
        "seo_title": rng.choice(words.seo_titles),
        "search_description": rng.choice(words.descriptions),
        "intro": intro,
        "body": _body(rng, words),
        "first_published_at": published,
        "last_published_at": published,
        "last_reviewed": reviewed,
        "author_organisation": "Centrum huiselijk geweld en kindermishandeling Hart van Brabant",
    }
    return Draft(title, fields, themes, audiences, places)


# --- Writing them into the tree -------------------------------------------------------------


def _unique_slugs(titles: Sequence[str], taken: set[str]) -> Iterator[str]:
    """Slugs as Wagtail makes them from a title, "-2", "-3" added where a sibling has it."""
    for title in titles:
        base = slugify(title)[:MAX_SLUG_LENGTH].strip("-") or "artikel"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        yield slug


def _next_step(parent: Page) -> int:
    """The tree position after the parent's last child, as treebeard's add_child counts."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def _write(index: KnowledgeIndexPage, drafts: list[Draft]) -> list[ArticlePage]:
    """Insert the drafts as live children of `index`, in bulk."""
    taken = set(Page.objects.child_of(index).values_list("slug", flat=True))
    slugs = list(_unique_slugs([d.title for d in drafts], taken))
    step = _next_step(index)
    depth = index.depth + 1
    content_type = ContentType.objects.get_for_model(ArticlePage)
    articles = []
    for number, (item, slug) in enumerate(zip(drafts, slugs, strict=True)):
        articles.append(
            ArticlePage(
                **item.fields,
                slug=slug,
                path=Page._get_path(index.path, depth, step + number),
                depth=depth,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                content_type=content_type,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = [Page(**{name: getattr(a, name) for name in page_fields}) for a in articles]
    Page.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for article, row in zip(articles, rows, strict=True):
        article.pk = article.page_ptr_id = row.pk
        # Only the article's own table: the Page row is in. Raw, as loaddata saves a fixture.
        article.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(articles))
    _tag(articles, drafts)
    return articles


def _tag(articles: list[ArticlePage], drafts: list[Draft]) -> None:
    for name in ("themes", "audiences", "municipalities"):
        relation = ArticlePage._meta.get_field(name)
        through = relation.remote_field.through
        own, other = relation.m2m_column_name(), relation.m2m_reverse_name()
        through.objects.bulk_create(
            (
                through(**{own: article.pk, other: term.pk})
                for article, item in zip(articles, drafts, strict=True)
                for term in getattr(item, name)
            ),
            batch_size=BATCH_SIZE,
        )


def knowledge_index() -> KnowledgeIndexPage:
    index = (
        KnowledgeIndexPage.objects.filter(locale__language_code=LANGUAGE).order_by("path").first()
    )
    if index is None:
        raise NoKnowledgeIndex(
            "knowledge: no Dutch knowledge index (KnowledgeIndexPage) to put articles under; "
            "made none. Run `manage.py load_demo_content` or add one in the admin first."
        )
    return index


def create(count: int, rng: random.Random) -> int:
    """Make `count` live Dutch articles under the knowledge index; returns how many. Raises
    NoKnowledgeIndex (a LookupError) when there is no index to put them under."""
    if count <= 0:
        return 0
    index = knowledge_index()
    words = vocabulary()
    terms = Terms.of_locale(index.locale_id)
    now = timezone.now()
    drafts = [draft(rng, words, terms, now) for _ in range(count)]
    with transaction.atomic():
        made = _write(index, drafts)
    # No publish signal ran, so the anonymous page cache would not know of them.
    bump_content_version()
    return len(made)
