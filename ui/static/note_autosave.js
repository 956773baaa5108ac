// A note is stored once the typing pauses, not only when the field loses focus. Streamlit
// commits a text area on blur or on Ctrl+Enter; a phone has no Ctrl key, and a person who types a
// note and then reloads or closes the tab never leaves the field, so the note was lost. After
// IDLE_MS without a keystroke the field gets the Ctrl+Enter Streamlit listens for: the value is
// committed (one rerun saves it) and the focus and caret stay where they are, so typing goes on.
// On pagehide a field still pending is committed too, as a last chance
// (tests/e2e/test_note_then_navigate.py::test_a_note_is_stored_while_typing_with_no_tap_elsewhere).
(() => {
  const IDLE_MS = 1000;
  const pending = new Map();  // field -> timer, for text areas typed in since their last commit

  const commit = (field) => {
    clearTimeout(pending.get(field));
    pending.delete(field);
    if (!document.contains(field)) return;
    for (const ctrl of [true, false]) {  // Ctrl+Enter, and ⌘+Enter for Streamlit on a Mac
      field.dispatchEvent(new KeyboardEvent("keydown", {
        key: "Enter", code: "Enter", keyCode: 13, which: 13, ctrlKey: ctrl, metaKey: !ctrl,
        bubbles: true, cancelable: true,
      }));
    }
  };

  document.addEventListener("input", (ev) => {
    const field = ev.target;
    if (!(field instanceof HTMLTextAreaElement) || ev.isComposing) return;
    clearTimeout(pending.get(field));
    pending.set(field, setTimeout(() => commit(field), IDLE_MS));
  }, true);
  document.addEventListener("focusout", (ev) => {
    // Streamlit commits on blur itself; nothing left to do for this field.
    if (pending.has(ev.target)) { clearTimeout(pending.get(ev.target)); pending.delete(ev.target); }
  }, true);
  window.addEventListener("pagehide", () => { for (const field of [...pending.keys()]) commit(field); });
})();
