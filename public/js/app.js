// Small enhancements only; every page works without JavaScript.
document.addEventListener('submit', (e) => {
  const form = e.target;
  // The button pressed may ask on its own (a 删除 beside a 改名 in one form), else the form.
  const button = e.submitter && e.submitter.getAttribute && e.submitter.getAttribute('data-confirm');
  const msg = button || (form && form.getAttribute && form.getAttribute('data-confirm'));
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
