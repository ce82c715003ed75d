// Small enhancements only; every page works without JavaScript.
document.addEventListener('submit', (e) => {
  const form = e.target;
  const msg = form && form.getAttribute && form.getAttribute('data-confirm');
  if (msg && !window.confirm(msg)) e.preventDefault();
});
window.addEventListener('DOMContentLoaded', () => {
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();
});
document.addEventListener('click', (e) => {
  const t = e.target;
  if (t && t.closest && t.closest('[data-print]')) window.print();
});
