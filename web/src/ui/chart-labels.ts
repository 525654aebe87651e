/**
 * A category's name cut into lines for a chart's axis: at most `maxChars` characters a line, at word
 * boundaries where the script has spaces (a word longer than a line, or a text without spaces such as
 * Chinese, is cut between characters), at most `maxLines` lines, the last ending with "…" when the
 * name is longer. The full name is always in the table beside the chart.
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const chars = (s: string) => Array.from(s);
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (chars(candidate).length <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A word longer than a line is cut between its characters.
    let rest = chars(word);
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = chars(kept[maxLines - 1]!);
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, width - 1)).join('')}…`;
  return kept;
}
