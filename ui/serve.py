"""Start the app: `python -m ui.serve [streamlit options]` is `streamlit run app.py` plus two things.

1. Only this computer can reach it, unless asked. Streamlit listens on every network interface by
   default, and the app has no sign-in: on a café's Wi-Fi the whole room could open every client's
   audit. So the server listens on 127.0.0.1 unless $CXAUDIT_ADDRESS (`make run ADDRESS=0.0.0.0`)
   or `--server.address` names another address; then a warning is printed.
2. Streamlit treats an app with a pages/ folder as a legacy multipage app until the first session
   calls st.navigation. So the first request after a (re)start that opens a page directly, such as
   a consultant's tab reconnecting after a server restart, would flash "Page not found". Clearing
   that flag before serving makes app.py's st.navigation the only router from the start.
3. Streamlit's own texts (input hints, the connection-error dialog, the date picker, screen-reader
   labels) in the user's language: ui/streamlit_texts.py.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"
ADDRESS_ENV = "CXAUDIT_ADDRESS"
LOCAL_ADDRESS = "127.0.0.1"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _address_flag(args: list[str]) -> str | None:
    """The address given on the command line (`--server.address X` or `--server.address=X`)."""
    for i, arg in enumerate(args):
        if arg == "--server.address" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--server.address="):
            return arg.split("=", 1)[1]
    return None


def streamlit_argv(args: list[str], env: dict[str, str]) -> tuple[list[str], str]:
    """The `streamlit run` command line for `args`, and the address it will listen on."""
    given = _address_flag(args)
    if given is not None:
        return ["streamlit", "run", str(APP), *args], given
    address = env.get(ADDRESS_ENV, "").strip() or LOCAL_ADDRESS
    return ["streamlit", "run", str(APP), "--server.address", address, *args], address


def network_warning(address: str) -> str | None:
    if address in LOOPBACK or address.startswith("127."):
        return None
    return (f"ΠΡΟΣΟΧΗ: η εφαρμογή ακούει στη διεύθυνση {address} χωρίς σύνδεση χρήστη: όποιος τη φτάνει "
            f"από το δίκτυο βλέπει κάθε πελάτη.\n"
            f"WARNING: the app listens on {address} without sign-in: anyone who can reach it over the "
            f"network sees every client.")


def main() -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    from ui import streamlit_texts

    sys.argv, address = streamlit_argv(sys.argv[1:], dict(os.environ))
    warning = network_warning(address)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    PagesManager.uses_pages_directory = False
    streamlit_texts.install()
    cli.main()


if __name__ == "__main__":
    main()
