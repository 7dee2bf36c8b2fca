// What a program prints reaches terminals, CI logs and web pages through our reports.
// Shown raw, its bytes could clear the screen, set a terminal's title, overwrite a line
// with a forged "✓ … 2/2" (after a \r), reorder text (bidi overrides), or start a line
// with `::error` that GitHub Actions runs as a workflow command. Every renderer passes
// its output through here, so such bytes are shown, as escapes, and never act.

/**
 * Characters that act rather than show: C0 controls but newline and tab, DEL, C1 controls
 * (terminals read U+009B as CSI), bidi marks, embeddings, overrides and isolates, the
 * Unicode line and paragraph separators, and the byte-order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it escapes
const ACTING = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\x1b': '\\x1b', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0' };

/** How a character that acts is shown: as Python would write it in a string. */
function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** `text` with every character that acts (see ACTING) shown as its escape; newlines and tabs kept. */
export function showControls(text: string): string {
  return text.replace(ACTING, escapeOne);
}

/**
 * GitHub's runner reads a line as a workflow command when, after leading white space, it
 * starts with `::`, or when it holds `##[` anywhere (the old syntax). The first colon or
 * hash is shown as its escape, so the line reads the same and commands nothing.
 */
export function disarmWorkflowCommands(text: string): string {
  return text.replace(/^([\s\u0085]*):(?=:)/gm, '$1\\x3a').replace(/#(?=#\[)/g, '\\x23');
}

/** Text for a person (terminal, log, Markdown, XML text): nothing in it acts. */
export function safeText(text: string): string {
  return disarmWorkflowCommands(showControls(text));
}

/**
 * JSON text with the characters that act written as \u escapes: the same JSON value, so
 * machine readers see exactly what the program sent, but nothing acts when it is printed.
 * (JSON.stringify already escapes C0 controls; C1, DEL and bidi it leaves raw.) `::` cannot
 * start a line of JSON, but `##[` inside a string would still command.
 */
export function safeJson(json: string): string {
  // `##[` can only be inside a string here, where \u0023 is the same `#`.
  return json.replace(ACTING, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/#(?=#\[)/g, '\\u0023');
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for a web page (element text or a quoted attribute): the characters that act shown
 * as escapes, then every character HTML reads as markup written as an entity, so a
 * program's `<script>` is shown as text and never runs.
 */
export function htmlText(text: string): string {
  return showControls(text).replace(/[&<>"']/g, (c) => HTML_ENTITY[c] ?? c);
}
