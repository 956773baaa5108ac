// A typed text is stored once the typing pauses, not only when the field loses focus. Streamlit
// commits a text area on blur or on Ctrl+Enter and a one-line field on blur or on Enter; a phone has
// no Ctrl key, and a person who types a note or a business name and then reloads or closes the tab
// never leaves the field, so the text was lost. After IDLE_MS without a keystroke the field gets the
// key Streamlit listens for (Ctrl+Enter for a text area, Enter for a one-line field): the value is
// committed (one rerun saves it) and the focus and caret stay where they are, so typing goes on.
// On pagehide a field still pending is committed too, as a last chance
// (tests/e2e/test_note_then_navigate.py::test_a_note_is_stored_while_typing_with_no_tap_elsewhere,
// tests/e2e/test_text_typed_then_closed.py).
(() => {
  const IDLE_MS = 1000;
  const pending = new Map();  // field -> timer, for fields typed in since their last commit

  // Streamlit's own one-line text fields only: a select box's filter, a date field (date_enter.js)
  // and a number field are inputs too, and Enter means something else there.
  const isTextField = (el) =>
    el instanceof HTMLTextAreaElement
    || (el instanceof HTMLInputElement && el.closest('[data-testid="stTextInput"]') !== null);

  const commit = (field) => {
    clearTimeout(pending.get(field));
    pending.delete(field);
    if (!document.contains(field)) return;
    // Ctrl+Enter and ⌘+Enter (Streamlit on a Mac) for a text area; a one-line field takes Enter.
    const presses = field instanceof HTMLTextAreaElement ? [[true, false], [false, true]] : [[false, false]];
    for (const [ctrl, meta] of presses) {
      field.dispatchEvent(new KeyboardEvent("keydown", {
        key: "Enter", code: "Enter", keyCode: 13, which: 13, ctrlKey: ctrl, metaKey: meta,
        bubbles: true, cancelable: true,
      }));
    }
  };

  document.addEventListener("input", (ev) => {
    const field = ev.target;
    if (!isTextField(field) || ev.isComposing) return;
    clearTimeout(pending.get(field));
    pending.set(field, setTimeout(() => commit(field), IDLE_MS));
  }, true);
  document.addEventListener("focusout", (ev) => {
    // Streamlit commits on blur itself; nothing left to do for this field.
    if (pending.has(ev.target)) { clearTimeout(pending.get(ev.target)); pending.delete(ev.target); }
  }, true);
  window.addEventListener("pagehide", () => { for (const field of [...pending.keys()]) commit(field); });
})();
