"""Entry points of the site builder: build, serve and bundle (nothing else calls MkDocs to run)."""
