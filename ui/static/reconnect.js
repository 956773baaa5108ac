// After a lost connection comes back, ask for a run, with the page's widget values, as pressing
// "r" does. The server may have restarted: the browser is then on a new session that has not seen
// this page, and Streamlit's client asks for a run on reconnecting only in some states, so the
// page went on showing answers the database never got. The run lets ui/persistence.after_page
// save what the page shows (tests/e2e/test_kill_after_burst.py).
(() => {
  let connected = false;
  let lost = false;
  const rerun = () => document.dispatchEvent(
    new KeyboardEvent("keydown", {key: "r", code: "KeyR", keyCode: 82, which: 82, bubbles: true}));
  const check = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute("data-test-connection-state");
    if (!state) return;
    if (state !== "CONNECTED") {
      lost = lost || connected;  // only a connection that was up can be lost (not the first load)
      return;
    }
    connected = true;
    if (lost) {
      lost = false;
      setTimeout(rerun, 200);
    }
  };
  new MutationObserver(check).observe(document.documentElement,
    {attributes: true, subtree: true, attributeFilter: ["data-test-connection-state"]});
})();
