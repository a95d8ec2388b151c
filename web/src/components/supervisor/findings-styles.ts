/**
 * Style rules of the 问题清单 and the officer's 整改事项 page, added once with the page's script
 * (see styles.ts for why the rules travel with the script).
 */
const CSS = `
.fw-actions { display: flex; flex-wrap: wrap; gap: .4rem; align-items: flex-start; min-width: 9rem; }
.fw-actions form { flex-basis: 100%; }
.fw-actions textarea, .fw-answer textarea { width: 100%; min-width: 14rem; }
.fw-error { color: var(--error, #b42318); margin: .25rem 0 0; flex-basis: 100%; }
table.fw-issues td, table.fw-issues th { vertical-align: top; }
table.fw-issues p.hint { margin: .35rem 0 0; }
select.fw-rule { max-width: 22rem; }
.fw-notice { margin-top: 2rem; }
.fw-answer { margin-top: .5rem; }
`;

let added = false;

export function ensureFindingsStyles(): void {
  if (added || typeof document === 'undefined') return;
  added = true;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}
