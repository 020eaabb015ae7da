"""The timeline of events built from temporal expressions, and checks against a reference."""
