import type { CsvCell } from '../../../platform/http/csv.js';
import { ROLE_LABEL, type ListedDelegation } from './delegations.js';

/**
 * The list of participants, rendered: as CSV rows and as a printable page. Both take only the public
 * projection of participants (name, title, role, delegation), so nothing else can leak through them.
 */

/** The rows of the CSV list (the platform's CSV writer neutralises any cell typed like a formula). */
export function participantsCsvRows(delegations: readonly ListedDelegation[]): CsvCell[][] {
  const rows: CsvCell[][] = [['delegation', 'delegation_kind', 'standing', 'role', 'name', 'title']];
  for (const d of delegations) {
    for (const p of d.participants) rows.push([d.name, d.kind, d.standing, ROLE_LABEL[p.role], p.name, p.title ?? '']);
  }
  return rows;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A printable page: one section per delegation, escaped text, print styles, no script. */
export function participantsHtml(meeting: { title: string; dates: string; venue: string | null }, delegations: readonly ListedDelegation[]): string {
  const e = escapeHtml;
  const sections = delegations
    .map(
      (d) => `<section>
<h2>${e(d.name)}</h2>
<ul>
${d.participants.map((p) => `<li><span class="role">${e(ROLE_LABEL[p.role])}:</span> ${e(p.name)}${p.title ? `, <span class="title">${e(p.title)}</span>` : ''}</li>`).join('\n')}
</ul>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>List of participants: ${e(meeting.title)}</title>
<style>
body { font-family: "Noto Sans", Arial, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.4; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; border-bottom: 1px solid #999; }
ul { list-style: none; padding: 0; margin: 0; } .role { font-weight: 600; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<h1>List of participants</h1>
<p>${e(meeting.title)}<br>${e(meeting.dates)}${meeting.venue ? `<br>${e(meeting.venue)}` : ''}</p>
${sections || '<p>No delegation is listed.</p>'}
</main>
</body>
</html>
`;
}
