"""Watches, the alert outbox, digests and delivery channels."""
