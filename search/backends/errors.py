"""Errors a search backend raises to the code around it, whatever the engine behind it.

The index upkeep catches SearchBackendUnavailable to keep a failed update and replay it later;
the search page catches it to answer from the database backend instead. Neither needs to know
which client library the backend uses, or how that library names a refused connection.
"""


class SearchBackendUnavailable(Exception):
    """The search engine could not be reached in time: refused, timed out, or failing (5xx).

    Raised by both indexing and searching; what was asked can be tried again later unchanged.
    """
