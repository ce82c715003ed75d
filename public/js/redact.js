// Redaction page: drag on a page image to draw a box; its page and position (points from the page's
// top-left corner) go into the next empty “自行标出的区域” row. Without JavaScript the rows are typed.
(() => {
  const round = (v) => Math.round(v * 10) / 10;
  document.querySelectorAll('.redact-page').forEach((fig) => {
    const img = fig.querySelector('img');
    const svg = fig.querySelector('svg');
    if (!img || !svg) return;
    const pageW = Number(fig.dataset.width),
      pageH = Number(fig.dataset.height);
    let start = null;
    let rect = null;
    const toPage = (e) => {
      const b = img.getBoundingClientRect();
      return {
        x: Math.min(Math.max(0, ((e.clientX - b.left) / b.width) * pageW), pageW),
        y: Math.min(Math.max(0, ((e.clientY - b.top) / b.height) * pageH), pageH),
      };
    };
    img.addEventListener('dragstart', (e) => e.preventDefault());
    img.addEventListener('pointerdown', (e) => {
      start = toPage(e);
      rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      rect.setAttribute('class', 'drawn');
      svg.appendChild(rect);
      img.setPointerCapture(e.pointerId);
    });
    img.addEventListener('pointermove', (e) => {
      if (!start) return;
      const p = toPage(e);
      rect.setAttribute('x', Math.min(start.x, p.x));
      rect.setAttribute('y', Math.min(start.y, p.y));
      rect.setAttribute('width', Math.abs(p.x - start.x));
      rect.setAttribute('height', Math.abs(p.y - start.y));
    });
    img.addEventListener('pointerup', (e) => {
      if (!start) return;
      const p = toPage(e);
      const box = [Math.min(start.x, p.x), Math.min(start.y, p.y), Math.abs(p.x - start.x), Math.abs(p.y - start.y)];
      start = null;
      if (box[2] < 2 || box[3] < 2) return rect.remove();
      const input = [...document.querySelectorAll('.manual-box-input')].find((i) => !i.value);
      if (!input) return rect.remove();
      input.value = [fig.dataset.page, ...box.map(round)].join(',');
    });
  });
})();
