/**
 * The style rules of a body's page, the regions page and the public region page. As for the
 * supervisor pages (components/supervisor/styles.ts), the rules come with the page's script: one
 * <style> element, added once (the CSP allows inline styles).
 */
const CSS = `
.bd-years { display: flex; gap: 1rem; overflow-x: auto; padding-bottom: .5rem; }
.bd-year { flex: 1 0 min(36rem, 88vw); border: 1px solid var(--line); border-radius: 6px; padding: .5rem; background: #fff; }
.bd-year h3 { margin: .25rem 0 .5rem; font-size: 1.05rem; }
.bd-year .sv-official { min-width: 0; }
.bd-year .bd-sub { color: var(--muted); font-size: .85rem; margin: 0 0 .5rem; }
.sv-official td.bd-up, .sv-official td.bd-down, .sv-official td.bd-changed { background: #eef4ff; box-shadow: inset 0 0 0 2px #3056a8; font-weight: 700; }
.sv-official td .bd-delta { display: block; font-size: .7rem; font-weight: 400; color: #3056a8; white-space: nowrap; }
.bd-legend { color: var(--muted); font-size: .9rem; margin: .25rem 0 .75rem; }
.bd-legend .bd-swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -.15em; background: #eef4ff; box-shadow: inset 0 0 0 2px #3056a8; margin-right: .25rem; }
.bd-changes { margin: .25rem 0 .75rem; font-size: .9rem; }
.bd-changes ul { margin: .25rem 0; padding-left: 1.25rem; max-height: 14rem; overflow-y: auto; }
.bd-text { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 900px) { .bd-text { grid-template-columns: 1fr 1fr; } }
.bd-text section { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; min-width: 0; }
.bd-text h3 { margin: .25rem 0; font-size: 1rem; }
.bd-text h4 { margin: .5rem 0 .25rem; font-size: .95rem; }
.bd-text p { margin: 0 0 .5rem; line-height: 1.8; }
mark.bd-shared { background: #ffe08a; color: var(--ink); border-bottom: 2px solid #8a6500; padding: 0 1px; }
.bd-flag-red { color: var(--err); font-weight: 700; }
.bd-flag-yellow { color: var(--warn); font-weight: 700; }
.bd-assess { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; margin: .5rem 0 1rem; }
.bd-assess .field { margin: 0; min-width: 8rem; }
.rg-list { list-style: none; margin: 0; padding: 0; }
.rg-row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem 0; border-bottom: 1px solid var(--line); }
.rg-row .rg-name { min-width: 10rem; font-weight: 600; }
.rg-row .rg-bodies { flex-basis: 100%; font-size: .95rem; }
select.rg-year { max-width: 14rem; }
.pr-totals { display: grid; grid-template-columns: repeat(2, 1fr); gap: .5rem; margin: .75rem 0; padding: 0; list-style: none; }
@media (min-width: 720px) { .pr-totals { grid-template-columns: repeat(5, 1fr); } }
.pr-totals li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.pr-totals strong { display: block; font-size: 1.4rem; }
.pr-list { list-style: none; margin: 0; padding: 0; }
.pr-item { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: .6rem .75rem; margin: 0 0 .5rem; display: grid; gap: .15rem; }
.pr-item.pr-late, .pr-item.pr-missing { border-left-color: var(--err); }
.pr-item.pr-onTime { border-left-color: var(--ok); }
.pr-item .pr-name { font-weight: 700; }
.pr-item .pr-where { color: var(--muted); font-size: .85rem; }
.pr-item .pr-facts { display: flex; flex-wrap: wrap; gap: .25rem .75rem; font-size: .95rem; }
.pr-chips { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
.pr-chips button[aria-pressed="true"] { outline: 3px solid var(--focus); }
`;

export function ensureBodyStyles(): void {
  if (typeof document === 'undefined' || document.getElementById('gk-body-styles')) return;
  const style = document.createElement('style');
  style.id = 'gk-body-styles';
  style.textContent = CSS;
  document.head.append(style);
}
