"""The main menu and the footer links (portal/navigation.py): the home's children shown in
menus and the standard pages marked for the footer, live and public, in the visitor's language,
read in one query that answers what the ORM queries it replaced answered."""

from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal.models import StandardPage
from portal.navigation import build_navigation, menu_pages


def orm_menu_pages(home: Page) -> tuple[list[Page], list[Page]]:
    """The ORM queries portal.navigation's own SQL replaced, as they were."""
    private = Page.objects.all().private_q()
    main = list(home.get_children().live().exclude(private).in_menu())
    footer = list(
        StandardPage.objects.descendant_of(home)
        .live()
        .exclude(private)
        .filter(show_in_footer=True)
        .order_by("path")
    )
    return main, footer


def standard(parent: Page, slug: str, *, menu: bool = False, footer: bool = False) -> Page:
    page = parent.add_child(
        instance=StandardPage(
            title=slug.capitalize(),
            slug=slug,
            locale_id=parent.locale_id,
            show_in_menus=menu,
            show_in_footer=footer,
        )
    )
    page.save_revision().publish()
    return page


def test_the_menus_are_what_the_orm_queries_answered(home, django_assert_num_queries):
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    shown = standard(home, "hulp", menu=True)
    also = standard(home, "over-ons", menu=True, footer=True)
    standard(home, "niet-in-menu")
    draft = home.add_child(instance=StandardPage(title="Concept", slug="concept", live=False))
    draft.show_in_menus = True
    draft.save_revision()
    shielded = standard(home, "afgeschermd", menu=True, footer=True)
    standard(shielded, "eronder", footer=True)
    PageViewRestriction.objects.create(page=shielded, restriction_type="login")
    deep = standard(shown, "dieper", menu=True, footer=True)  # in the footer, not the menu
    standard(english_home, "help", menu=True, footer=True)

    for each_home in (home, english_home):
        with django_assert_num_queries(1):
            found = menu_pages(each_home)
        expected = orm_menu_pages(each_home)
        for found_list, expected_list in zip(found, expected, strict=True):
            assert [(page.pk, page.title, page.url_path) for page in found_list] == [
                (page.pk, page.title, page.url_path) for page in expected_list
            ]

    main, footer = menu_pages(home)
    assert [page.pk for page in main] == [shown.pk, also.pk]
    assert [page.pk for page in footer] == [deep.pk, also.pk]  # by place in the tree


def test_the_menu_links_go_to_each_pages_address(home, rf):
    standard(home, "hulp", menu=True, footer=True)
    request = rf.get("/nl/")

    navigation = build_navigation(
        Site.objects.get(is_default_site=True), Locale.objects.get(language_code="nl"), request
    )

    assert [(link.title, link.url) for link in navigation.main] == [("Hulp", "/nl/hulp/")]
    assert [(link.title, link.url) for link in navigation.footer] == [("Hulp", "/nl/hulp/")]
    assert navigation.home_url == "/nl/"
