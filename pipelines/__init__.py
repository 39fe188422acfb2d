"""Scrapy item pipelines, one concern each: extract → tag → store (later: dedupe)."""
