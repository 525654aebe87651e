import type { ElementKind, ElementTexts } from '../framework/index.js';

/**
 * The reporting questionnaire and who sees what, as pure rules. A questionnaire is built from the
 * framework as it stood when a cycle opened, and a cycle keeps it.
 */

export const IMPLEMENTATION_STATUSES = ['implemented', 'in-progress', 'planned', 'not-started', 'not-applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export interface FrameworkItem {
  code: string;
  kind: ElementKind;
  texts: ElementTexts;
  citation: string;
  implements: string[];
}

export interface QuestionnaireSection {
  /** `international-law`, `norm:norm-13a`, `cbm:global-cbm-1`, `capacity-building`, `contacts`. */
  key: string;
  part: 'international-law' | 'norms' | 'cbms' | 'capacity-building' | 'contacts';
  /** The framework elements the section asks about, with their texts as they stood at the opening. */
  elements: { code: string; kind: ElementKind; texts: ElementTexts; citation: string }[];
  /** For a norm: the adopted recommendations that implement it. */
  recommendations: { code: string; texts: ElementTexts; citation: string }[];
}

/** The questionnaire of a cycle: four parts from the framework, plus the State's national contacts. */
export function buildQuestionnaire(framework: readonly FrameworkItem[]): QuestionnaireSection[] {
  const pick = (kinds: readonly ElementKind[]) => framework.filter((e) => kinds.includes(e.kind));
  const element = (e: FrameworkItem) => ({ code: e.code, kind: e.kind, texts: e.texts, citation: e.citation });
  const recommendations = pick(['recommendation']);
  return [
    { key: 'international-law', part: 'international-law', elements: pick(['international-law']).map(element), recommendations: [] },
    ...pick(['norm']).map((n) => ({
      key: `norm:${n.code}`,
      part: 'norms' as const,
      elements: [element(n)],
      recommendations: recommendations.filter((r) => r.implements.includes(n.code)).map((r) => ({ code: r.code, texts: r.texts, citation: r.citation })),
    })),
    ...pick(['cbm', 'cbm-tool']).map((c) => ({ key: `cbm:${c.code}`, part: 'cbms' as const, elements: [element(c)], recommendations: [] })),
    { key: 'capacity-building', part: 'capacity-building', elements: pick(['capacity-building-principle']).map(element), recommendations: [] },
    { key: 'contacts', part: 'contacts', elements: [], recommendations: [] },
  ];
}

/**
 * The fields of an answer, in the order they are asked: the one list that history, schemas and
 * exports take them from.
 */
export const ANSWER_FIELDS = ['status', 'measures', 'challenges', 'needs', 'noChangeSinceLastReport', 'contacts'] as const satisfies readonly (keyof SectionAnswer)[];
export type AnswerField = (typeof ANSWER_FIELDS)[number];
// The list names every field of an answer: a field added to SectionAnswer and not to the list fails here.
const everyFieldListed: [Exclude<keyof SectionAnswer, AnswerField>] extends [never] ? true : never = true;
void everyFieldListed;

/** An answer to one section. No question is mandatory. */
export interface SectionAnswer {
  status?: ImplementationStatus | undefined;
  measures?: string | undefined;
  challenges?: string | undefined;
  needs?: { description: string; codes: string[] }[] | undefined;
  /** "No change since the last report": the previous answer stands. */
  noChangeSinceLastReport?: boolean | undefined;
  /** For the contacts section: free text of the national contacts. */
  contacts?: string | undefined;
}

/** An answer's field as one line of text, for a spreadsheet: a status's code, needs joined by " | ", "yes" for no change. */
export function answerFieldText(answer: SectionAnswer, field: AnswerField): string {
  switch (field) {
    case 'needs':
      return (answer.needs ?? []).map((n) => n.description).join(' | ');
    case 'noChangeSinceLastReport':
      return answer.noChangeSinceLastReport ? 'yes' : '';
    default:
      return answer[field] ?? '';
  }
}

// ---- visibility --------------------------------------------------------------------------------

export const VISIBILITIES = ['public', 'states', 'secretariat'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
const RANK: Record<Visibility, number> = { public: 0, states: 1, secretariat: 2 };

/** A section can only narrow the report's visibility, never widen it. */
export const effectiveVisibility = (report: Visibility, section: Visibility | null): Visibility =>
  section && RANK[section] > RANK[report] ? section : report;

/** The narrower of two visibilities: the one fewer people see. */
const narrower = (a: Visibility, b: Visibility): Visibility => (RANK[b] > RANK[a] ? b : a);

/** A submitted version's visibilities: the report's, and each section's (already narrowed by the report's). */
export interface VersionVisibility {
  visibility: Visibility;
  sections: { key: string; visibility: Visibility }[];
}

/**
 * The visibilities that stand for one version of a report, given every later version: a version is
 * never shown more widely than it was submitted, nor more widely than a later version narrowed it.
 * A section the State closed in a corrected version stays closed in the versions before it, so that a
 * correction cannot be read around by opening an earlier version.
 */
export function standingVisibility<V extends VersionVisibility>(version: V, later: readonly VersionVisibility[]): V {
  let visibility = version.visibility;
  for (const v of later) visibility = narrower(visibility, v.visibility);
  const sections = version.sections.map((s) => {
    let seen = s.visibility;
    for (const v of later) seen = narrower(seen, v.sections.find((x) => x.key === s.key)?.visibility ?? v.visibility);
    return seen === s.visibility ? s : { ...s, visibility: seen };
  }) as V['sections'];
  return { ...version, visibility, sections };
}

/** Who is looking: the reporting State itself, the Secretariat, another State, a stakeholder, or the public. */
export type Viewer = { kind: 'own-state' } | { kind: 'secretariat' } | { kind: 'state' } | { kind: 'stakeholder' } | { kind: 'public' };

/**
 * Whether a viewer sees something of a given visibility. The State that reports and the Secretariat see
 * everything; other States see public and States-only; stakeholders and the public see public only.
 */
export function sees(viewer: Viewer, visibility: Visibility): boolean {
  switch (viewer.kind) {
    case 'own-state':
    case 'secretariat':
      return true;
    case 'state':
      return visibility !== 'secretariat';
    case 'stakeholder':
    case 'public':
      return visibility === 'public';
  }
}
