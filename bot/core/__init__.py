"""The platform-neutral conversation core. Nothing here imports a chat platform's SDK."""
