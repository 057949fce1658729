"""Interface strings (gettext catalogs handled with Babel) and locale-aware formatting."""
