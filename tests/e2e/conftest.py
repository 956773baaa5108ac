from browser import browser, page, pytest_collection_modifyitems, server  # noqa: F401  (fixtures)
