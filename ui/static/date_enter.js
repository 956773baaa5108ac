// Enter in a date field (dd/mm/yyyy) stores the typed date. Streamlit 1.67's date field keeps typed
// digits in the browser until its calendar closes or focus moves to another control; Enter did
// nothing, so a date typed on a phone and confirmed with the keyboard's Enter ("Go", "Done") was
// shown but never stored. Escape closes the calendar, and closing it commits a complete date (an
// incomplete one goes back to the stored value), so Enter is answered with an Escape.
// tests/e2e/test_plan_cards.py::test_a_typed_date_is_kept_on_enter
//
// A date that does not exist (29/02 of a year that is not a leap year, 31/04) is refused: the
// field, on committing it, silently made it the month's last day (29/02/2027 stored as 28/02).
// Before the commit (Enter, Tab, a tap elsewhere) its day is cleared, so the field goes back to
// the stored date, and a message under it says why (window.__CX_MESSAGES__, from the catalog's
// browser.* texts). tests/e2e/test_impossible_date.py
(() => {
  const FIELD = '[data-testid="stDateInputField"]';
  const NOTE = "cx-date-refused";
  const part = (field, type) => {
    const el = field.querySelector(`[role="spinbutton"][data-type="${type}"]`);
    const text = el ? el.textContent.trim() : "";
    return /^\d+$/.test(text) ? parseInt(text, 10) : null;
  };
  const impossible = (field) => {
    const d = part(field, "day"), m = part(field, "month"), y = part(field, "year");
    if (d === null || m === null || y === null || y < 1000 || m < 1 || m > 12) return null;
    const days = new Date(y, m, 0).getDate();
    const two = (n) => String(n).padStart(2, "0");
    return d > days ? {date: `${two(d)}/${two(m)}/${y}`, last: `${two(days)}/${two(m)}/${y}`} : null;
  };
  const lang = () => getComputedStyle(document.documentElement).getPropertyValue("--cx-lang")
    .replace(/["'\s]/g, "") || "el";
  const message = (params) => {
    const texts = (window.__CX_MESSAGES__ || {})["browser.date_impossible"] || {};
    let text = texts[lang()] || texts.el || "";
    for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(v);
    return text;
  };
  const widget = (field) => field.closest('[data-testid="stDateInput"]') || field.parentElement;
  const clearNote = (field) => {
    const w = widget(field);
    const note = w && w.parentElement && w.parentElement.querySelector(`.${NOTE}`);
    if (note) note.remove();
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  // Clearing the day makes the date incomplete, and committing an incomplete date keeps the stored
  // value. One Backspace takes one digit and the field redraws in between: one at a time.
  const refuse = async (field, params) => {
    clearNote(field);
    const note = document.createElement("div");
    note.className = NOTE;
    note.setAttribute("role", "alert");
    note.style.cssText = "color:#c62828;font-size:0.875rem;margin-top:0.25rem";
    note.textContent = message(params);
    widget(field).insertAdjacentElement("afterend", note);
    for (let i = 0; i < 4 && part(field, "day") !== null; i++) {
      const day = field.querySelector('[role="spinbutton"][data-type="day"]');
      if (!day) break;
      day.focus();
      day.dispatchEvent(new KeyboardEvent("keydown",
        {key: "Backspace", code: "Backspace", keyCode: 8, which: 8, bubbles: true, cancelable: true}));
      await tick();
    }
  };
  const escape = (target) => target.dispatchEvent(new KeyboardEvent("keydown",
    {key: "Escape", code: "Escape", keyCode: 27, which: 27, bubbles: true, cancelable: true}));

  document.addEventListener("keydown", (event) => {
    if (event.isComposing || !(event.target instanceof Element)) return;
    const field = event.target.closest(FIELD);
    if (!field) return;
    if (event.key !== "Enter" && event.key !== "Tab") {
      if (/^\d$/.test(event.key)) clearNote(field);
      return;
    }
    const bad = impossible(field);
    if (!bad) {
      if (event.key === "Enter") escape(event.target);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    refuse(field, bad).then(() => { if (event.key === "Enter") escape(document.activeElement || field); });
  }, true);
  // A tap or click elsewhere would commit the date (the calendar closes on a press outside it, and
  // the focus leaves): that press, and the release and click after it, are held back until the
  // day is cleared and the stored date back; then the field lets go of the focus. The press itself is not passed on; the
  // message says why.
  let swallowing = false;
  const swallow = (event) => {
    if (!swallowing) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === "click") swallowing = false;
  };
  document.addEventListener("pointerdown", (event) => {
    const active = document.activeElement;
    const field = active instanceof Element && active.closest(FIELD);
    if (!field || (event.target instanceof Element && field.contains(event.target))) return;
    const bad = impossible(field);
    if (!bad) return;
    swallowing = true;
    swallow(event);
    refuse(field, bad).then(() => {
      escape(document.activeElement || field);  // back to the stored date, then let go
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      setTimeout(() => { swallowing = false; }, 500);  // a press with no click after it
    });
  }, true);
  for (const type of ["mousedown", "pointerup", "mouseup", "click"]) {
    document.addEventListener(type, swallow, true);
  }
})();
