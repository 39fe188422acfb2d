"""Scrapy item pipelines, one concern each: extract → store (later: normalise, dedupe, tag)."""
