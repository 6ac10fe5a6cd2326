"""The bundled policy pack (data only). Edit the Markdown and YAML files; see README."""
