/** The overview page's style rules, added once with its script (see ../styles.ts for why). */
const CSS = `
.ov-head { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: .5rem 1rem; }
.ov-head .field { margin: 0; }
.ov-where { margin: .75rem 0 .5rem; }
.ov-trail { margin: .25rem 0 .75rem; }
.ov-trail ol { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0; padding: 0; }
.ov-trail li + li::before { content: "›"; margin-right: .25rem; color: var(--muted); }
.ov-trail [aria-current] { font-weight: 700; }
.ov-totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr)); gap: .5rem; list-style: none; margin: 0 0 1rem; padding: 0; }
.ov-card > a, .ov-card > span { display: flex; flex-direction: column; gap: .1rem; padding: .6rem .8rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); text-decoration: none; min-height: 44px; }
.ov-card > a:hover { background: var(--bg-soft); }
.ov-card > a:focus-visible { outline: 3px solid var(--focus); }
.ov-card.ov-alarm > a, .ov-card.ov-alarm > span { border-left: 4px solid var(--err); }
.ov-card.ov-rate > span { background: var(--bg-soft); }
.ov-n { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.2; }
.ov-label { color: var(--muted); font-size: .9rem; }
.ov-card > a .ov-label { text-decoration: underline; }
.ov-lines td.num, .ov-lines tfoot td { text-align: right; font-variant-numeric: tabular-nums; }
.ov-lines tfoot th, .ov-lines tfoot td { font-weight: 700; border-top: 2px solid var(--line); }
.ov-lines td.ov-bad { color: var(--err); font-weight: 700; }
.ov-lines td.ov-warn { color: var(--warn); font-weight: 700; }
.ov-hint { display: inline; margin-left: .25rem; font-weight: 400; }
.ov-check { display: flex; align-items: center; gap: .4rem; font-weight: normal; align-self: flex-end; min-height: 44px; }
.ov-check input { width: 1.1rem; height: 1.1rem; min-height: 0; margin: 0; }
.ov-table thead th button { all: unset; cursor: pointer; display: block; font-weight: 600; min-height: 44px; line-height: 1.35; }
/* A sortable header says so with a mark, not an underline (dotted lines under Chinese read as struck through). */
.ov-table thead th button:not(.ov-sorted)::after { content: ' ⇅'; color: var(--muted, #6b7280); font-weight: 400; }
.ov-table thead th button.ov-sorted::after { content: ' ' attr(data-arrow); }
.ov-table thead th button:focus-visible { outline: 3px solid var(--focus); }
.ov-table thead th { white-space: nowrap; }
.ov-table td.ov-cell-errors { background: #fff5f4; }
.ov-pager { align-items: center; }
`;

export function ensureOverviewStyles(): void {
  if (typeof document === 'undefined' || document.getElementById('gk-overview-styles')) return;
  const style = document.createElement('style');
  style.id = 'gk-overview-styles';
  style.textContent = CSS;
  document.head.append(style);
}
