// On a phone the sidebar lies over the page, and Streamlit 1.67 leaves it open after one of its
// page links is tapped: the new page arrived hidden behind it. So a tap on a link in the sidebar
// also closes the sidebar when (and only when) it covers the page; beside the page, on a laptop
// or tablet, it stays (tests/e2e/test_narrow_screens.py). A click held by leave_after_note.js
// (a note being typed) stops there and reaches this listener only when it is released.
(() => {
  const LINKS = '[data-testid="stSidebar"] a[href]';
  const covers = () => {
    const side = document.querySelector('[data-testid="stSidebar"]');
    const main = document.querySelector('[data-testid="stMain"]');
    if (!side || !main) return false;
    return main.getBoundingClientRect().left < side.getBoundingClientRect().right - 1;
  };
  document.addEventListener("click", (ev) => {
    const link = ev.target instanceof Element && ev.target.closest(LINKS);
    if (!link || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey || !covers()) return;
    const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close) setTimeout(() => close.click(), 0);  // after Streamlit has taken the click
  });
})();
