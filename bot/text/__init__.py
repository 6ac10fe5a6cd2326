"""Language-aware text utilities shared by the answering and review engines."""
