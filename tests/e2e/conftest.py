from browser import browser, page, pytest_collection_modifyitems, server  # noqa: F401  (fixtures)
from people import app, contexts, database_url, model  # noqa: F401  (fixtures)
