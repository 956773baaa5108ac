// A page opened from the sidebar starts at its top. Streamlit 1.67 keeps the scroll position of
// its main area across pages, so «Γνώση πελάτη» tapped at the foot of «Στρατηγική» opened some
// 1,900 px down (at 1024 px; on a phone the walk-through saw 345 px): past the new section's
// title and first questions. When the page's path changes, the main area goes back to the top,
// now and once the new page has been drawn (tests/e2e/test_narrow_screens.py).
(() => {
  let path = location.pathname;
  const main = () => document.querySelector('[data-testid="stMain"]');
  const idle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute("data-test-script-state") === "notRunning";
  };
  const toTop = () => { const m = main(); if (m) m.scrollTop = 0; };
  setInterval(() => {
    if (location.pathname === path) return;
    path = location.pathname;
    toTop();
    const started = Date.now();
    const settle = () => {
      if (idle() || Date.now() - started > 8000) return toTop();
      setTimeout(settle, 50);
    };
    setTimeout(settle, 50);
  }, 100);
})();
