"""parkwatch: scrape and monitor Chinese regional industrial-park news."""

__version__ = "0.1.0"
