"""A test-only app with a tagged page type of its own, standing in for the courses app: the
knowledge base finds its pages by their themes alone
(knowledge.article_lookups.related_elsewhere), without importing it. Installed by
tests/settings.py only."""
