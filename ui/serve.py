"""Start the app: `python -m ui.serve [streamlit options]` is `streamlit run app.py` plus one fix.

Streamlit treats an app with a pages/ folder as a legacy multipage app until the first session
calls st.navigation. So the first request after a (re)start that opens a page directly, such as
a consultant's tab reconnecting after a server restart, would flash "Page not found". Clearing
that flag before serving makes app.py's st.navigation the only router from the start.
"""
import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
