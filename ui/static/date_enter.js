// Enter in a date field (dd/mm/yyyy) stores the typed date. Streamlit 1.67's date field keeps typed
// digits in the browser until its calendar closes or focus moves to another control; Enter did
// nothing, so a date typed on a phone and confirmed with the keyboard's Enter ("Go", "Done") was
// shown but never stored. Escape closes the calendar, and closing it commits a complete date (an
// incomplete one goes back to the stored value), so Enter is answered with an Escape.
// tests/e2e/test_plan_cards.py::test_a_typed_date_is_kept_on_enter
(() => {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing || !(event.target instanceof Element)) return;
    if (!event.target.closest('[data-testid="stDateInputField"]')) return;
    event.target.dispatchEvent(new KeyboardEvent("keydown",
      {key: "Escape", code: "Escape", keyCode: 27, which: 27, bubbles: true, cancelable: true}));
  }, true);
})();
