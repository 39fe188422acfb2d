"""Spiders: the generic config-driven spider and one small module per site that needs its own.

A per-site spider is a subclass of :class:`~parkwatch.spiders.generic.ConfigSpider` with a
``plugin_name`` that sites name in ``spider:``. Modules here are found automatically; installed
packages expose theirs through the ``parkwatch.spiders`` entry-point group.
"""
