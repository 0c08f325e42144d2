"""Keeping the search index true to what the public may see.

    receivers (search/receivers.py)   a change (publish, unpublish, delete, move, a section or
                                      collection made private, a save of a door model) records
                                      an IndexUpdate and enqueues a task after commit
    apply (apply.py)                  the task: add the object if it is publicly visible now
                                      (search/visibility.py), remove it otherwise; a failure
                                      is kept (state failed), never raised into a publish
    reconcile (reconcile.py)          replays what failed or never ran, one update per object,
                                      and purges what is old: `manage.py reconcile_search_index`
    rebuild (rebuild.py)              the whole index again with no downtime, visible objects
                                      only: `manage.py rebuild_search_index`

The queue (queue.py) holds content type and id only: never text, never who made the change.
modelsearch's own automatic updates are off (AUTO_UPDATE False, checked at start-up by
checks.py): they would index a draft the moment it is saved.
"""
