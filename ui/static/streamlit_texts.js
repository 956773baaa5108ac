// Streamlit's own words in the user's language. Streamlit 1.67's frontend writes its texts in
// English ("Press Enter to apply", the connection-error dialog, aria-labels, the date picker).
// ui/serve.py serves this script with Streamlit's page, after window.__CX_TEXTS__ = [[key, en, el]]
// (from i18n/catalog/streamlit.yaml). The app publishes its language as the CSS variable
// --cx-lang (ui/streamlit_texts.py, every run), which outlives a lost connection; without it
// the last known language, else Greek (the app's default).
// Only nodeValue and attributes are changed, never nodes, so React keeps working; text a user
// or the app wrote (Markdown containers, inputs) is never touched.
(() => {
  "use strict";
  const ATTRS = ["aria-label", "aria-valuetext", "title", "placeholder"];
  const USER_TEXT = '[data-testid="stMarkdownContainer"], textarea, input, [contenteditable], [data-testid="stCode"]';
  const DIALOG = '[data-testid="stException"], [role="dialog"] [data-testid="stModalBody"], [role="dialog"]';
  // the calendar, and its month and year lists (drawn outside it)
  const CALENDAR = '[data-testid="stDateInputCalendar"], [data-testid="stDateInputHeaderPickerPopover"], [data-baseweb="calendar"]';
  // the empty date field's "dd / mm / yyyy": editable spans, but Streamlit's placeholder text
  const DATE_PLACEHOLDER = '[role="spinbutton"][data-placeholder="true"]';
  const exact = new Map(), patterns = [], calendarWords = [], placeholders = new Map(), calendarGreek = new Map();
  const reverse = new Map();  // el -> en, to restore English after a switch back
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const [key, en, el] of window.__CX_TEXTS__ || []) {
    reverse.set(el, en);
    if (key.startsWith("streamlit.placeholder.")) {
      placeholders.set(en, el);
    } else if (key.startsWith("streamlit.calendar.")) {
      calendarGreek.set(en, el);
      calendarWords.push([new RegExp("(^|[^A-Za-z])" + escape(en) + "(?![A-Za-z])", "g"), el]);
    } else if (/\{[a-z]\}/.test(en)) {
      const names = [];
      const source = escape(en).replace(/\\\{([a-z])\\\}/g, (_, n) => { names.push(n); return "([\\s\\S]+?)"; });
      patterns.push([new RegExp("^" + source + "$"), names, el]);
    } else {
      exact.set(en, el);
    }
  }
  const original = new WeakMap();  // node or element -> {text | attr: English original}

  // The date picker formats its calendar in navigator.language, which Streamlit reads on every
  // render: the browser's language, not the app's. So an English browser gave the Greek UI a
  // Sunday-first "S M T W" and "Τρίτη, Δεκέμβριος 1, 2026", a Greek browser the English UI Greek
  // months. It is the app's language instead (en-GB: Monday first, day before month, as in the
  // app). st.context.locale, which is also navigator.language, is not used by the app.
  // Streamlit reads it when its App renders, and a run's last render can come before the run's
  // --cx-lang is in the page (a page opened with ?lang=en drew its calendar in Greek, 4 runs in 5
  // of tests/e2e/test_date_picker_month.py): so when the language differs from the one the app
  // last rendered with, run() below asks for one more render (nudgeRender).
  const BROWSER_LANGUAGE = navigator.language;
  const LOCALES = { el: "el-GR", en: "en-GB" };
  let renderedLang = null;  // the language navigator.language last answered with
  try {
    Object.defineProperty(navigator, "language", {
      configurable: true, get: () => { renderedLang = currentLang(); return LOCALES[renderedLang] || BROWSER_LANGUAGE; },
    });
  } catch (e) { /* an older browser keeps its own language; the word lists below still apply */ }

  // Streamlit's theme hook re-reads the system theme on "afterprint" and stores its list of
  // themes anew, which renders the whole app again (same theme, nothing else changes); that
  // render reads navigator.language. Once per language change, so it cannot loop.
  let nudgedFor = null;
  function nudgeRender(lang) {
    if (renderedLang === null || renderedLang === lang || nudgedFor === lang) return;
    nudgedFor = lang;
    setTimeout(() => window.dispatchEvent(new Event("afterprint")), 0);
  }

  // In Greek a month alone in a date is genitive ("1 Δεκεμβρίου") and that is what the picker's
  // month list shows ({month: "long"}); as a calendar's heading it is nominative ("Δεκέμβριος",
  // the catalog's words). Both forms from the browser's own Intl, so they match what it writes.
  const nominative = new Map();  // "Δεκεμβρίου" -> "Δεκέμβριος", only a month standing alone
  try {
    const monthIn = (locale, options) => new Intl.DateTimeFormat(locale, options);
    const genitive = monthIn("el-GR", { month: "long" }), english = monthIn("en-US", { month: "long" });
    for (let m = 0; m < 12; m++) {
      const day = new Date(2000, m, 15);
      const word = calendarGreek.get(english.format(day));
      if (word && genitive.format(day) !== word) nominative.set(genitive.format(day), word);
    }
  } catch (e) { /* no Intl: nothing to correct */ }

  function currentLang() {
    const v = getComputedStyle(document.documentElement).getPropertyValue("--cx-lang").replace(/["'\s]/g, "");
    try {
      if (v) sessionStorage.setItem("cx-lang", v);
      return v || sessionStorage.getItem("cx-lang") || "el";
    } catch (e) {
      return v || "el";
    }
  }

  // Month and day names ("Choose date, December 2026", a day's "Tuesday, December 1, 2026"):
  // Streamlit's date picker formats them in the browser's locale, which may be English.
  function calendarText(s) {
    for (const [re, el] of calendarWords) s = s.replace(re, (_, pre) => pre + el);
    return s;
  }

  // A file's size as Streamlit writes it ("6.0MB", "5.0B"): Greek decimals and a space ("6,0 MB").
  const SIZE = /(^|[\s,(])(\d+)(?:\.(\d+))?(B|KB|MB|GB)(?=$|[\s.,)])/g;
  function sizeText(s) {
    return s.replace(SIZE, (_, pre, whole, decimals, unit) => pre + whole + (decimals ? "," + decimals : "") + " " + unit);
  }
  // the uploaded file's chip; its name is the user's
  const FILE_CHIP = '[data-testid="stFileChip"]', FILE_NAME = '[data-testid="stFileChipName"]';

  function translate(text, inCalendar, inFileChip) {
    const trimmed = text.trim();
    if (!trimmed) return null;
    // "cloud_done icon": Streamlit names a Material icon by its ligature; the name means nothing
    const icon = /^[a-z0-9_]+ icon$/.test(trimmed) ? "icon" : trimmed;
    let out = exact.get(icon);
    if (out === undefined) {
      for (const [re, names, el] of patterns) {
        const m = trimmed.match(re);
        if (m) { out = names.reduce((s, n, i) => s.replace("{" + n + "}", sizeText(calendarText(m[i + 1]))), el); break; }
      }
    }
    if (out === undefined && inCalendar) out = nominative.get(trimmed);
    if (out === undefined && (inFileChip || /^[\d.]+[KMG]?B$/.test(trimmed))) {
      const s = sizeText(trimmed);  // the chip's size, and its aria-label "name.csv, 6.0MB"
      if (s !== trimmed) out = s;
    }
    if (out === undefined && inCalendar) {
      const s = calendarText(trimmed);
      if (s !== trimmed) out = s;
    }
    return out === undefined ? null : text.replace(trimmed, out);
  }

  function userText(el) {
    return el.closest(USER_TEXT) && !el.closest(DIALOG);
  }

  function fixText(node, lang) {
    const parent = node.parentElement;
    if (!parent) return;
    if (parent.matches(DATE_PLACEHOLDER)) {
      const el = lang === "en" ? undefined : placeholders.get(node.nodeValue);
      const en = original.get(node);
      if (el !== undefined) { original.set(node, node.nodeValue); node.nodeValue = el; }
      else if (lang === "en" && en !== undefined && node.nodeValue !== en) node.nodeValue = en;
      return;
    }
    if (userText(parent)) return;
    if (lang === "en") {
      const en = original.get(node);
      if (en !== undefined && node.nodeValue !== en) node.nodeValue = en;
      return;
    }
    const out = translate(node.nodeValue, !!parent.closest(CALENDAR),
                          !!parent.closest(FILE_CHIP) && !parent.closest(FILE_NAME));
    if (out !== null && out !== node.nodeValue) {
      original.set(node, node.nodeValue);
      node.nodeValue = out;
    }
  }

  // A widget's aria-label is its label's Markdown source ("**3.** Ερώτηση; :gray[· PLAN-03]",
  // ":orange-badge[βασική ερώτηση]", ":material/edit_note:"): a screen reader would read the
  // markup out. In both languages, keep only the words (tests/e2e/test_screen_reader_labels.py).
  const MARKDOWN = /\*\*|__|:[a-z]+(?:-[a-z]+)*\[([^\]]*)\]|\s?:material\/[a-z0-9_]+:|\u2060/g;
  function plainLabel(el, value) {
    if (!MARKDOWN.test(value)) return value;
    MARKDOWN.lastIndex = 0;
    const plain = value.replace(MARKDOWN, (_, inner) => inner || "");
    el.setAttribute("aria-label", plain);
    return plain;
  }

  function fixAttrs(el, lang) {
    for (const name of ATTRS) {
      let value = el.getAttribute(name);
      if (!value) continue;
      if (name === "aria-label") value = plainLabel(el, value);
      const saved = original.get(el) || {};
      if (lang === "en") {
        if (saved[name] !== undefined && value !== saved[name]) el.setAttribute(name, saved[name]);
        continue;
      }
      if (name === "placeholder" && userText(el) && !el.matches("input, textarea")) continue;
      const out = translate(value, !!el.closest(CALENDAR), name === "aria-label" && el.matches(FILE_CHIP));
      if (out !== null && out !== value) {
        saved[name] = value;
        original.set(el, saved);
        el.setAttribute(name, out);
      }
    }
  }

  function walk(root, lang) {
    if (root.nodeType === Node.TEXT_NODE) { fixText(root, lang); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixAttrs(root, lang);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) fixText(n, lang); else fixAttrs(n, lang);
    }
  }

  let lastLang = null;
  function run(mutations) {
    const lang = currentLang();
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    nudgeRender(lang);
    if (lang !== lastLang) {  // first run, or the user switched language: every node again
      lastLang = lang;
      if (document.body) walk(document.body, lang);
      return;
    }
    for (const m of mutations) {
      if (m.type === "childList") m.addedNodes.forEach((n) => walk(n, lang));
      else if (m.type === "characterData") fixText(m.target, lang);
      else if (m.type === "attributes") fixAttrs(m.target, lang);
    }
  }

  const observer = new MutationObserver(run);
  function start() {
    observer.observe(document.documentElement, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
    });
    run([]);
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
