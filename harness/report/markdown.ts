// Markdown pieces every Markdown report needs, so that nothing a program printed can end
// a code block or a table cell early.

/** A fenced block longer than any run of backticks in the text, so the text cannot close it. */
export function fence(text: string, lang = ''): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return [`${ticks}${lang}`, text, ticks];
}

/** Markdown table cells: a pipe ends the cell, a newline ends the row. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** "graded by socket-grader 0.1.0 (specs 1a2b3c4d5e6f), seed 42": which grader, which tests, how to replay. */
export function provenance(grader: { version: string; specHash: string } | undefined, seed: number | undefined): string | undefined {
  const parts = [grader ? `graded by socket-grader ${grader.version} (specs ${grader.specHash})` : undefined, seed !== undefined ? `seed ${seed} (\`--seed ${seed}\` replays it)` : undefined].filter(
    (p): p is string => p !== undefined,
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}
