/**
 * The webview's script (inlined with the page's nonce): keyboard navigation between nodes, reveal on click or Enter,
 * and the exports. The PNG is drawn from the exported SVG with the theme's colours resolved, so it looks as on screen.
 */
export const TOPOLOGY_SCRIPT = String.raw`
const vscode = acquireVsCodeApi();
const nodes = Array.from(document.querySelectorAll('#picture .node'));
const centre = (node) => {
  const rect = node.querySelector('rect');
  return {
    x: Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) / 2,
    y: Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')) / 2,
  };
};
const reveal = (node) => {
  const resourceId = node.getAttribute('data-resource');
  const ownerId = node.getAttribute('data-owner');
  if (resourceId && ownerId) vscode.postMessage({ type: 'reveal', resourceId, ownerId });
};
const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
/** The nearest node in the arrow's direction, weighing distance across the direction twice. */
const next = (from, [dx, dy]) => {
  const a = centre(from);
  let best;
  let bestScore = Infinity;
  for (const node of nodes) {
    if (node === from) continue;
    const b = centre(node);
    const along = (b.x - a.x) * dx + (b.y - a.y) * dy;
    if (along <= 0) continue;
    const across = Math.abs((b.x - a.x) * dy) + Math.abs((b.y - a.y) * dx);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = node;
    }
  }
  return best;
};
for (const node of nodes) {
  node.addEventListener('click', () => reveal(node));
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal(node);
    } else if (DIRECTIONS[event.key]) {
      event.preventDefault();
      next(node, DIRECTIONS[event.key])?.focus();
    }
  });
}
document.getElementById('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'saveSvg' }));
document.getElementById('export-png').addEventListener('click', async () => {
  const styles = getComputedStyle(document.documentElement);
  const themed = EXPORT_SVG.replace(/var\((--[\w-]+),\s*([^)]+)\)/g, (_match, name, fallback) => styles.getPropertyValue(name).trim() || fallback);
  const url = URL.createObjectURL(new Blob([themed], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('the picture could not be drawn'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext('2d');
    context.fillStyle = styles.getPropertyValue('--vscode-editor-background').trim() || '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    vscode.postMessage({ type: 'savePng', dataUrl: canvas.toDataURL('image/png') });
  } finally {
    URL.revokeObjectURL(url);
  }
});
`;
