"""Built-in parkwatch plugins (registered the same way external ones are)."""
