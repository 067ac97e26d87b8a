import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { shownGap } from '../../../src/analysis/shown.ts';
import { clauseCitations } from '../../../src/questionnaire/citations.ts';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import { OPTIONAL_SECTIONS, omitQuery, paperOf, sectionsOf } from '../../../src/report/choices.ts';
import { reportDocx, type DocxWords } from '../../../src/report/docx.ts';
import { buildReport, type Report } from '../../../src/report/index.ts';
import { loadClauseRegistry } from '../../../scripts/lib/questionnaires.ts';
import { answers, assessment, sample } from '../transfer/data.ts';

const clauses = clauseCitations(loadClauseRegistry());
const equal: WeightProfile = {
  kind: 'weightProfile',
  format: 1,
  id: 'equal',
  version: '1.0.0',
  title: { en: 'Equal weights' },
  rationale: { en: 'Every pillar counts the same.' },
  appliesTo: ['sample'],
};
const report = (given = answers) =>
  buildReport(
    { ...assessment, organisation: 'Republic of Examplia' },
    sample,
    Object.fromEntries(given.map((answer) => [answer.questionId, answer])),
    { now: new Date('2026-03-01T12:00:00.000Z'), sharing: false, profile: equal, clauses },
  );

/** Words that show their key, so the test reads what the document says, not a translation. */
const words: DocxWords = {
  t: (key, params) =>
    key === 'app.label' ? `${params?.label}:` : params ? `${key} ${JSON.stringify(params)}` : key,
  score: (value) => (value === null ? 'not scored' : String(Math.round(value))),
  gap: (group) => (group.gap === null ? '—' : group.gap <= 0 ? 'met' : String(shownGap(group))),
  gapPoints: (figures) => String(Math.max(0, shownGap(figures) ?? 0)),
  whole: (value) => String(Math.round(value)),
  percent: (value) => (value === null ? '—' : `${Math.round(value * 100)}%`),
  decimal: (value) => String(value),
  date: (iso) => iso.slice(0, 10),
  dateTime: (iso) => iso,
  content: (text) => text.en ?? '',
  profile: (text) => text.en ?? '',
  group: (id) => `pillar ${id}`,
  otherGroup: (id) => `gci ${id}`,
  band: (band) => band?.label.en ?? '—',
  answer: () => 'an answer',
  clause: (citation) => citation.mark,
  document: (citation) => citation.document?.title.en,
  rtl: false,
};

async function document(of: Report, sections = sectionsOf(undefined), paper = paperOf(undefined)) {
  const blob = await reportDocx(of, words, { sections, paper });
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const xml = strFromU8(files['word/document.xml']!);
  const texts = [...xml.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)].map((match) =>
    [...match[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''),
  );
  return { xml, texts };
}

describe('the editable report (DOCX)', () => {
  it('holds the cover, the summary and the chosen sections, on the chosen paper', async () => {
    const full = await document(report());
    expect(full.texts).toContain('Republic of Examplia');
    expect(full.texts).toContain(assessment.name);
    expect(full.texts).toContain('report.summary');
    expect(full.texts).toContain('analysis.sections.plan');
    expect(full.texts).toContain('report.answers');
    expect(full.texts).toContain('report.appendix');
    // A4 in twentieths of a point, and page numbers in the footer.
    expect(full.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);

    const brief = await document(report(), new Set(['appendix']), 'letter');
    expect(brief.texts).not.toContain('analysis.sections.plan');
    expect(brief.texts).not.toContain('report.answers');
    expect(brief.texts).toContain('report.appendix');
    expect(brief.xml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });

  it('gives the whole method in the appendix, as the printed report does, in its order', async () => {
    const { texts } = await document(report());
    const method = texts.slice(texts.indexOf('report.method.title') + 1, texts.indexOf('report.cited'));
    expect(method).toEqual([
      'report.method.question',
      'report.method.pillar',
      'report.method.counting',
      'report.method.followUps',
      'report.method.coverage {&quot;final&quot;:&quot;90%&quot;}',
      'report.method.overall',
      'reportAnalysis.method.targets',
      'reportAnalysis.method.gaps',
      'reportAnalysis.method.rounding',
      'reportAnalysis.method.priority',
      'reportAnalysis.method.plan',
      'reportAnalysis.method.gci',
      'reportAnalysis.method.bands',
      'report.method.reproduce',
    ]);
  });

  it('lists the contributors in the appendix when a linked device gives them, and otherwise not', async () => {
    const contributors = {
      title: 'Contributors',
      lead: 'As listed by the server of record on 3 Dec 2026.',
      head: ['Organisation or person', 'Parts answered', 'Answers authored'],
      rows: [['National CIRT', 'Pillar: Incident response — Accepted 3 Dec 2026', '2']],
      numeric: [false, false, true],
    };
    const blob = await reportDocx(report(), words, {
      sections: sectionsOf(undefined),
      paper: paperOf(undefined),
      contributors,
    });
    const xml = strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))['word/document.xml']!);
    for (const text of ['Contributors', 'National CIRT', 'Pillar: Incident response — Accepted 3 Dec 2026'])
      expect(xml).toContain(text);
    expect((await document(report())).xml).not.toContain('National CIRT');
  });

  it('marks provisional scores and gives bands only as reached so far; with no answers, no scores', async () => {
    const partial = await document(report(answers.slice(0, 1)));
    const overall = partial.texts.find((text) => text.startsWith('results.overall: '));
    expect(overall).toMatch(/\(analysis\.provisionalTag\)$/);
    expect(partial.texts.some((text) => text.startsWith('analysis.bandSoFar '))).toBe(true);
    expect(partial.texts.some((text) => text.startsWith('analysis.bandIs '))).toBe(false);
    expect(partial.texts.some((text) => text.startsWith('analysis.provisionalNote '))).toBe(true);

    const empty = await document(report([]));
    expect(empty.texts).toContain('results.empty.report');
    expect(empty.texts.some((text) => text.startsWith('results.overall: '))).toBe(false);
    expect(empty.texts).not.toContain('analysis.sections.plan');
  });
});

describe('the report choices in the address', () => {
  it('reads the paper and the sections left out, and writes them back', () => {
    expect(paperOf('letter')).toBe('letter');
    expect(paperOf(['letter'])).toBe('letter');
    expect(paperOf('tabloid')).toBe('a4');
    expect([...sectionsOf(undefined)]).toEqual([...OPTIONAL_SECTIONS]);
    expect([...sectionsOf('answers,appendix')]).toEqual(['plan']);
    expect(omitQuery(new Set(['plan']))).toBe('answers,appendix');
    expect(omitQuery(new Set(OPTIONAL_SECTIONS))).toBeUndefined();
  });
});
