/**
 * The supervisor pages' style rules. The web build links only the entry's style sheet (a .css
 * imported by a lazily loaded page would never load), so the rules come with the page's script:
 * one <style> element, added once (the CSP allows inline styles).
 */
const CSS = `
.sv-legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .5rem 0 1rem; padding: 0; list-style: none; color: var(--muted); font-size: .9rem; }
.sv-cell-list { list-style: none; margin: 0; padding: 0; display: grid; gap: .35rem; }
.sv-badges { display: inline-flex; flex-wrap: wrap; gap: .25rem; margin-left: .25rem; }
table.data td.sv-missing { background: var(--bg-soft); }
.sv-files { margin: .5rem 0; color: var(--muted); }
.pending-card { border: 1px solid var(--border, #d0d7de); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.pending-card h2 { margin-top: 0; font-size: 1.15rem; }
.pending-card fieldset { border: 0; padding: 0; margin: .5rem 0; display: grid; gap: .35rem; }
.pending-card label.choice { display: flex; justify-content: flex-start; gap: .5rem; align-items: center; font-weight: normal; margin: 0; }
.pending-card label.choice input[type=radio] { width: 1.1rem; height: 1.1rem; min-height: 0; margin: 0; flex: none; }
.pending-card form button[type=submit] { width: auto; justify-self: start; align-self: flex-start; }
.pending-card details { margin-top: .75rem; }
.sv-meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
.sv-meta dt { font-weight: 600; }
.sv-meta dd { margin: 0; }
.sv-findings { list-style: none; margin: 0 0 1rem; padding: 0; max-height: 32vh; overflow-y: auto; border: 1px solid var(--line); border-radius: 6px; }
.sv-findings li { border-bottom: 1px solid var(--bg-soft); }
.sv-findings button { display: block; width: 100%; text-align: left; background: #fff; color: var(--ink); border: 0; border-left: 4px solid transparent; border-radius: 0; padding: .5rem .75rem; min-height: 44px; }
.sv-findings button:hover { background: var(--bg-soft); }
.sv-findings button[aria-pressed="true"] { border-left-color: var(--focus); background: #eef2ff; }
.sv-findings .sv-where { display: block; color: var(--muted); font-size: .85rem; }
.sv-panes { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 1000px) { .sv-panes { grid-template-columns: 1fr 1fr; } }
.sv-pane { min-width: 0; }
.sv-pane h2 { margin: .25rem 0 .5rem; }
.sv-scroll { position: relative; max-height: 70vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.sv-frame { width: 100%; height: 45vh; border: 1px solid var(--line); border-radius: 6px; margin-bottom: .75rem; background: #fff; }
.sv-lines { margin: 0; padding: .5rem .5rem .5rem 4.2em; font: .85rem/1.55 "Noto Sans Mono CJK SC", "Noto Sans CJK SC", monospace; white-space: pre-wrap; word-break: break-all; }
.sv-lines li { padding-left: .35em; }
.sv-lines li::marker { color: var(--muted); font-size: .8em; }
.sv-mark { background: #fff3bf; color: var(--ink); border-bottom: 2px solid var(--warn); padding: 0 1px; }
.sv-mark.sv-error { background: #ffe3e0; border-bottom: 2px solid var(--err); }
.sv-mark::after, .sv-hit::after { content: "⚑"; font-size: .75em; color: var(--warn); margin-left: 1px; }
.sv-mark.sv-error::after, .sv-hit.sv-error::after { color: var(--err); }
.sv-official { border-collapse: collapse; width: 100%; min-width: 40rem; table-layout: fixed; font-size: .8rem; margin: 0 0 1rem; }
.sv-official caption { text-align: left; font-weight: 700; padding: .35rem .5rem; }
.sv-official th, .sv-official td { border: 1px solid #000; padding: .15rem .25rem; text-align: center; vertical-align: middle; word-break: break-all; }
.sv-official th { font-weight: 600; }
.sv-official .sv-label { text-align: left; }
.sv-official td.sv-hit { background: #fff3bf; box-shadow: inset 0 0 0 2px var(--warn); font-weight: 700; }
.sv-official td.sv-hit.sv-error { background: #ffe3e0; box-shadow: inset 0 0 0 2px var(--err); }
.sv-selected { outline: 3px solid var(--focus); outline-offset: -1px; }
.sv-tables { padding: .5rem; }
.sv-official td .sv-cellbtn { all: unset; box-sizing: border-box; display: block; width: 100%; min-height: 1.6em; cursor: pointer; text-align: center; border-radius: 3px; }
.sv-official td .sv-cellbtn:hover { background: #eef2ff; text-decoration: underline; }
.sv-official td .sv-cellbtn:focus-visible { outline: 3px solid var(--focus); outline-offset: -2px; }
.sv-official td.sv-fixed { background: #e6f4ea; box-shadow: inset 0 0 0 2px #1e6b35; font-weight: 700; }
.sv-official td.sv-fixed .sv-cellbtn::after { content: " ✎"; color: #1e6b35; font-weight: 400; }
.sv-official td .sv-was { display: block; font-size: .7rem; font-weight: 400; color: #1e6b35; }
.sv-official td.sv-picked { outline: 3px solid var(--focus); outline-offset: -2px; }
.sv-correct { border: 2px solid var(--focus); border-radius: 6px; padding: .5rem .75rem; margin: 0 0 .75rem; background: #f5f7ff; display: grid; gap: .35rem; }
.sv-correct h3 { margin: 0; font-size: 1rem; }
.sv-correct p { margin: 0; }
.sv-correct input, .sv-correct textarea { max-width: 24rem; }
.sv-actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.sv-problem { color: var(--err); font-weight: 600; }
.sv-corrections { margin: 0 0 1rem; padding-left: 1.5rem; max-height: 30vh; overflow-y: auto; }
.sv-corrections li { margin: 0 0 .5rem; }
.sv-corrections li.sv-undone { color: var(--muted); }
.sv-corrections .sv-version { font-weight: 600; }
.sv-corrections .sv-who { display: block; color: var(--muted); font-size: .85rem; }
.sv-corrections button { margin-top: .25rem; }
.sv-undo { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; margin-top: .25rem; }
`;

export function ensureSupervisorStyles(): void {
  if (typeof document === 'undefined' || document.getElementById('gk-supervisor-styles')) return;
  const style = document.createElement('style');
  style.id = 'gk-supervisor-styles';
  style.textContent = CSS;
  document.head.append(style);
}
