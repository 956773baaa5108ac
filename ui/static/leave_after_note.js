// A page link clicked while a note (any text field) is being typed waits until the note is stored.
// Streamlit commits a text field on blur, so the click on the link both commits the note and
// changes page; the client sent the page change first and the note's rerun, of the old page,
// after it: the server ran the old page last and the page did not move (and, before
// ui/state.py kept what each widget last agreed on, the note and the section's answers were lost).
// So the click is held: the field is blurred (its rerun is sent), and once that run is over the
// same link is clicked again (tests/e2e/test_note_then_navigate.py).
// A download button is held the same way: the file is the one the last run drew, so a firm's name
// typed and then downloaded at once was missing from the PDF; once the field's run is over the
// redrawn button (found by its key) carries it (tests/e2e/test_branding_kept.py).
(() => {
  const LINKS = '[data-testid="stPageLink"] a[href], [data-testid="stSidebarNav"] a[href], '
    + '[data-testid="stDownloadButton"] button';
  const FIELDS = 'textarea, input[type="text"], input[type="number"], input:not([type])';
  const WAIT_FOR_RUN_MS = 1500;  // the note's rerun normally starts within a few ms
  const GIVE_UP_MS = 8000;       // a very slow run: leave anyway (the note's run is sent already)
  const edited = new WeakSet();  // fields typed in since they last committed
  let held = null;               // the field that was being typed in when the link was pressed
  let releasing = false;

  const app = () => document.querySelector('[data-testid="stApp"]');
  const running = () => {
    const a = app();
    return !!a && a.getAttribute("data-test-script-state") === "running";
  };
  const isField = (el) => !!el && el.matches && el.matches(FIELDS);

  document.addEventListener("input", (ev) => { if (isField(ev.target)) edited.add(ev.target); }, true);
  document.addEventListener("keydown", (ev) => {
    // The key that commits the field (Enter; Ctrl/⌘+Enter in a text area), pressed by the person
    // or sent by text_autosave.js when the typing pauses: nothing is left to wait for, and a
    // link clicked afterwards goes at once (it had waited WAIT_FOR_RUN_MS for a run that never came).
    const f = ev.target;
    if (ev.key === "Enter" && isField(f) && (f.tagName !== "TEXTAREA" || ev.ctrlKey || ev.metaKey)) edited.delete(f);
  }, true);
  document.addEventListener("pointerdown", (ev) => {
    // Before the press moves the focus: is a field with an uncommitted edit focused?
    const field = document.activeElement;
    held = ev.target.closest && ev.target.closest(LINKS) && isField(field) && edited.has(field) ? field : null;
  }, true);
  document.addEventListener("focusout", (ev) => {
    if (ev.target !== held) edited.delete(ev.target);  // committed by this blur
  }, true);

  const DOWNLOADS = '[data-testid="stDownloadButton"] button';
  const QUIET_MS = 300;  // a download goes once the page has been idle this long
  const uploading = () => !!document.querySelector('[data-testid="stFileChipIconSpinner"]');

  document.addEventListener("click", (ev) => {
    if (releasing) return;
    const link = ev.target.closest && ev.target.closest(LINKS);
    if (!link || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    // A download clicked while a run or an upload is under way waits too: the run replaces the
    // button's file, and the click then asked for one the server had dropped ("Deferred file not
    // found", no download at all).
    const download = link.matches(DOWNLOADS);
    if (!held && !(download && (running() || uploading()))) return;
    const field = held;
    held = null;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    if (field) {
      edited.delete(field);
      if (document.activeElement === field) field.blur();
    }
    const href = link.getAttribute("href");
    const box = link.closest('[class*="st-key-"]');
    const key = box && [...box.classList].find((c) => c.startsWith("st-key-"));
    const started = Date.now();
    let sawRun = running();
    const go = () => {
      const again = (href ? [...document.querySelectorAll(LINKS)].find((a) => a.getAttribute("href") === href)
        : key && document.querySelector(`.${key} button`)) || link;
      releasing = true;
      try { again.click(); } finally { releasing = false; }
    };
    let quietSince = null;
    const wait = () => {
      const elapsed = Date.now() - started;
      if (running() || (download && uploading())) {
        sawRun = true;
        quietSince = null;
      } else if (sawRun || elapsed > WAIT_FOR_RUN_MS || !field) {
        if (!download) return go();
        quietSince = quietSince || Date.now();
        if (Date.now() - quietSince >= QUIET_MS) return go();
      }
      if (elapsed > GIVE_UP_MS) return go();
      setTimeout(wait, 30);
    };
    setTimeout(wait, 30);
  }, true);
})();
