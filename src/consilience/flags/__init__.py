"""Flags: reliability signals, each a small function returning Flags with evidence."""
