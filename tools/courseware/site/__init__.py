"""The site builder: stage the registry, modules and labs as Markdown, then run MkDocs."""
