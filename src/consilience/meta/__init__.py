"""Meta: outlet, language and publication date -> Article."""
