// The frame every HTML page of ours shares: one self-contained file, styles inline, no
// script and no request of any kind (the Content-Security-Policy forbids them, so even a
// program's text that slipped through unescaped could load or run nothing). Readable on
// a phone; prints in black on white with every section open.

import { htmlText, safeText } from './escape.js';

const STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --skip: #9a6700; --err: #8250df; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 12px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 1.35em; margin: 0.2em 0; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid var(--line); } h3 { font-size: 1.05em; margin: 0 0 0.4em; }
.meta { color: var(--muted); margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.passed .mark { color: var(--ok); } .failed .mark { color: var(--bad); } .skipped .mark { color: var(--skip); } .error .mark { color: var(--err); }
article.test { border: 1px solid var(--line); border-left: 5px solid var(--bad); border-radius: 6px; padding: 10px 12px; margin: 14px 0; page-break-inside: avoid; }
article.test.skipped { border-left-color: var(--skip); } article.test.error { border-left-color: var(--err); }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0.4em 0; }
dl.evidence dt { font-weight: 600; color: var(--muted); } dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
code, pre, svg.seq text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; padding: 8px; border-radius: 4px; font-size: 13px; margin: 0.4em 0; }
del { background: #ffebe9; color: var(--bad); text-decoration: none; outline: 1px solid #ffcecb; }
ins { background: #dafbe1; color: #116329; text-decoration: none; outline: 1px solid #aceebb; }
figure.diagram { margin: 0.6em 0 0; overflow-x: auto; } figure.diagram figcaption { color: var(--muted); font-size: 0.9em; }
svg.seq { display: block; font-size: 11px; } svg.seq text { fill: #1f2328; } svg.seq .time { fill: var(--muted); }
svg.seq line.life { stroke: #8c959f; stroke-dasharray: 3 3; } svg.seq rect.head { fill: #ddf4ff; stroke: #54aeff; } svg.seq text.head { font-weight: 600; }
svg.seq .note rect { fill: #fff8c5; stroke: #d4a72c; }
svg.seq g line { stroke-width: 1.5; } svg.seq .req line { stroke: #0969da; } svg.seq .req polygon { fill: #0969da; }
svg.seq .rep line { stroke: var(--ok); } svg.seq .rep polygon { fill: var(--ok); } svg.seq .out line { stroke: #6e7781; } svg.seq .out polygon { fill: #6e7781; }
svg.seq .key line { stroke: var(--err); } svg.seq .key polygon { fill: var(--err); } svg.seq .ctl line { stroke: var(--bad); stroke-dasharray: 5 3; } svg.seq .ctl polygon { fill: var(--bad); }
a { color: #0969da; }
@media (max-width: 600px) { body { font-size: 14px; padding: 8px; } dl.evidence { grid-template-columns: 1fr; } th.group, td.group { display: none; } }
@media print { body { max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; } figure.diagram { overflow: visible; }
  svg.seq { max-width: 100%; height: auto; } article.test, tr, figure { break-inside: avoid; } .noprint { display: none; } }
`;

/** A whole page: `title` is text (escaped here); `body` is HTML already escaped by its maker. */
export function htmlPage(title: string, body: string, style = ''): string {
  const doc = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${htmlText(title)}</title>`,
    `<style>${STYLE}${style}</style>`,
    '</head><body>',
    body,
    '</body></html>',
  ].join('\n');
  // As every format: nothing in it acts on a terminal or a CI log, should it be printed.
  return safeText(doc);
}
