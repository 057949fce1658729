"""Entry points: build, serve and bundle, each staging and checking the site once."""
