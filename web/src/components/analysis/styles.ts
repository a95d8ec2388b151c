/**
 * The analysis pages' few style rules. The web build links only the entry's style sheet, and a
 * .css imported by a lazily loaded page would never be loaded, so the rules go in with the page's
 * script: one <style> element, added once (the CSP allows inline styles).
 */
const CSS = `
.gk-picker { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; margin: 0 0 1rem; }
.gk-picker legend { font-weight: 600; padding: 0 .25rem; }
.gk-picker-list { list-style: none; margin: .5rem 0; padding: 0; max-height: 20rem; overflow-y: auto; border-top: 1px solid var(--line); }
.gk-picker-list li { border-bottom: 1px solid var(--bg-soft); }
.gk-picker-list label { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; padding: .35rem .25rem; min-height: 44px; cursor: pointer; }
.gk-picker-list input[type=checkbox], .gk-check input[type=checkbox] { width: 1.25rem; height: 1.25rem; min-height: 0; flex: none; margin: 0; padding: 0; }
.gk-meta { color: var(--muted); font-size: .9rem; }
.gk-official { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: .85rem; background: #fff; }
.gk-official.gk-wide { min-width: 52rem; }
.gk-official th, .gk-official td { border: 1px solid #000; padding: .2rem .3rem; text-align: center; vertical-align: middle; word-break: break-all; }
.gk-official th { font-weight: 600; }
.gk-official .gk-label { text-align: left; font-weight: normal; }
.gk-official caption, table.data caption { text-align: left; font-weight: 700; padding: .25rem 0; }
.gk-chart { width: 100%; height: 360px; }
.gk-figure { margin: 0 0 1.5rem; }
.gk-figure figcaption { font-weight: 700; margin: .5rem 0; }
.gk-years { display: flex; flex-wrap: wrap; gap: .75rem; }
.gk-years .field { min-width: 8rem; }
`;

export function ensureAnalysisStyles(): void {
  if (typeof document === 'undefined' || document.getElementById('gk-analysis-styles')) return;
  const style = document.createElement('style');
  style.id = 'gk-analysis-styles';
  style.textContent = CSS;
  document.head.append(style);
}
