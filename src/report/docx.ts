/**
 * The report as an editable Word document (DOCX), for a ministry that edits before it signs:
 * the same sections and the same figures as the printed report, from the same `Report` data.
 * The words come from the caller (`DocxWords`: the interface language, its number and date
 * formats), so this module knows no framework; the `docx` library is loaded only when a person
 * asks for the document (this module is itself imported on demand).
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import type { GapAnalysis } from '../analysis/gaps.ts';
import type { ResponseDescription } from '../assessment/describe.ts';
import type { Band } from '../profiles/schema.ts';
import type { Citation } from '../questionnaire/citations.ts';
import type { LocalizedText } from '../questionnaire/schema.ts';
import type { OptionalSection, Paper } from './choices.ts';
import type { GapFigures } from '../analysis/shown.ts';
import type { Report, ReportQuestion } from './build.ts';

/** Everything said in words, as the screen says it. */
export interface DocxWords {
  t: (key: string, params?: Record<string, string | number>) => string;
  /** A 0–100 score, or "not scored". */
  score: (value: number | null) => string;
  /** A group's gap beside its score and target, as shown on screen: points, "met", or a dash. */
  gap: (group: GapFigures & { gap: number | null }) => string;
  /** The points of a gap that is there, as shown on screen. */
  gapPoints: (figures: GapFigures) => string;
  /** A whole figure (a target). */
  whole: (value: number) => string;
  percent: (value: number | null) => string;
  decimal: (value: number, digits?: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** Questionnaire text in the reader's language, or the questionnaire's own. */
  content: (text: LocalizedText) => string;
  /** Profile and band text. */
  profile: (text: LocalizedText) => string;
  /** A group's title in the main grouping, and in the other one. */
  group: (id: string) => string;
  otherGroup: (id: string) => string;
  band: (band: Band | undefined) => string;
  answer: (description: ResponseDescription) => string;
  /** "resolves 9": a clause as its document prints it; `undefined` for a reference of its own. */
  clause: (citation: Citation) => string | undefined;
  /** The title of the document a citation comes from. */
  document: (citation: Citation) => string | undefined;
  /** The interface reads right to left. */
  rtl: boolean;
}

export interface DocxOptions {
  sections: ReadonlySet<OptionalSection>;
  paper: Paper;
  /** The title of the profile the profile in use was made from. */
  basedOn?: string;
  /** Who answered which parts, on a linked device: already in the interface's words. */
  contributors?: DocxTableText;
}

/** A titled table given in words, for the sections only some devices have. */
export interface DocxTableText {
  title: string;
  lead: string;
  head: string[];
  rows: string[][];
  numeric: boolean[];
}

/** Page sizes and margins in twentieths of a point, as the printed report has them. */
const PAGES: Record<Paper, { width: number; height: number; margin: Record<string, number> }> = {
  a4: { width: 11906, height: 16838, margin: { top: 1134, right: 1021, bottom: 1247, left: 1021 } },
  letter: { width: 12240, height: 15840, margin: { top: 1080, right: 1080, bottom: 1296, left: 1080 } },
};

/** Builds the document; resolves to the file's bytes as a Blob. */
export async function reportDocx(report: Report, words: DocxWords, options: DocxOptions): Promise<Blob> {
  const build = new DocxBuilder(words);
  const children: (Paragraph | Table)[] = [
    ...build.cover(report),
    ...build.summary(report),
    ...(options.sections.has('plan') && report.summary.analysis.state !== 'empty' ? build.plan(report) : []),
    ...(options.sections.has('answers') ? build.answers(report) : []),
    ...(options.sections.has('appendix')
      ? build.appendix(report, options.basedOn, options.contributors)
      : []),
  ];
  const page = PAGES[options.paper];
  const section: ISectionOptions = {
    properties: {
      titlePage: true,
      page: { size: { width: page.width, height: page.height }, margin: page.margin },
    },
    footers: {
      default: new Footer({ children: [build.pageNumbers()] }),
      first: new Footer({ children: [] }),
    },
    children,
  };
  const document = new Document({
    creator: 'Baseline',
    title: report.cover.name,
    description: words.t('report.kicker'),
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [section],
  });
  return Packer.toBlob(document);
}

/** Paragraphs and tables in the report's order, each in the interface's direction. */
class DocxBuilder {
  constructor(private readonly words: DocxWords) {}

  private paragraph(text: string, options: Omit<IParagraphOptions, 'children' | 'text'> = {}, bold = false) {
    const { words } = this;
    return new Paragraph({
      bidirectional: words.rtl,
      ...options,
      children: [new TextRun({ text, bold, rightToLeft: words.rtl })],
    });
  }

  private heading(text: string, level: 1 | 2 | 3, pageBreakBefore = false) {
    const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1];
    return this.paragraph(text, { heading, pageBreakBefore, keepNext: true });
  }

  /** A label and its value on one line: "Overall score: 41 out of 100". */
  private fact(label: string, value: string) {
    const { words } = this;
    return new Paragraph({
      bidirectional: words.rtl,
      children: [
        new TextRun({ text: `${words.t('app.label', { label })} `, bold: true, rightToLeft: words.rtl }),
        new TextRun({ text: value, rightToLeft: words.rtl }),
      ],
    });
  }

  private bullet(text: string, level = 0) {
    return this.paragraph(text, { bullet: { level } });
  }

  /** A table with a header row; `numeric` columns are aligned to the end, as on screen. */
  private table(head: string[], rows: string[][], numeric: boolean[] = []) {
    const { words } = this;
    const cell = (text: string, column: number, bold: boolean) =>
      new TableCell({
        children: [
          new Paragraph({
            bidirectional: words.rtl,
            alignment: numeric[column] ? (words.rtl ? AlignmentType.LEFT : AlignmentType.RIGHT) : undefined,
            children: [new TextRun({ text, bold, rightToLeft: words.rtl })],
          }),
        ],
      });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: words.rtl,
      rows: [
        new TableRow({
          tableHeader: true,
          children: head.map((text, column) => cell(text, column, true)),
        }),
        ...rows.map(
          (row) => new TableRow({ children: row.map((text, column) => cell(text, column, false)) }),
        ),
      ],
    });
  }

  pageNumbers() {
    const { words } = this;
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      bidirectional: words.rtl,
      children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
    });
  }

  cover(report: Report) {
    const { words } = this;
    const { cover } = report;
    const { t } = words;
    return [
      this.paragraph(t('report.kicker')),
      ...(cover.organisation
        ? [this.paragraph(cover.organisation, { heading: HeadingLevel.HEADING_2 })]
        : []),
      this.paragraph(cover.name, { heading: HeadingLevel.TITLE }),
      this.paragraph(words.content(cover.questionnaire.title)),
      this.paragraph(t('report.questionnaireVersion', { version: cover.questionnaire.version })),
      this.fact(t('details.assessedOn'), words.date(`${cover.assessedOn}T12:00:00`)),
      ...(cover.preparedBy ? [this.fact(t('report.preparedBy'), cover.preparedBy)] : []),
      this.fact(t('reportAnalysis.profile'), words.profile(cover.profile.title)),
      this.fact(t('report.progress'), t('home.progress', { ...cover.progress })),
      this.fact(t('report.answersAsOf'), words.dateTime(cover.updatedAt)),
      this.fact(t('report.date'), words.date(cover.generatedAt)),
      ...(cover.sharing ? [this.paragraph(t('report.sharingNote'))] : []),
    ];
  }

  /** A score, marked while it is provisional, as the screen's tag marks it. */
  private score(score: number | null, provisional: boolean): string {
    const { words } = this;
    return provisional ? `${words.score(score)} (${words.t('analysis.provisionalTag')})` : words.score(score);
  }

  /** A band: a verdict once the score is final, only the band reached so far while provisional. */
  private band(band: Band | undefined, provisional: boolean): string {
    const { words } = this;
    if (!band) return '—';
    return provisional ? words.t('analysis.bandSoFar', { band: words.band(band) }) : words.band(band);
  }

  /** Why a score is provisional and the most it can still reach. */
  private provisionalNote(coverage: number | null, ceiling: number | null) {
    const { words } = this;
    return this.paragraph(
      words.t('analysis.provisionalNote', {
        coverage: words.percent(coverage ?? 0),
        ceiling: words.whole(ceiling ?? 0),
      }),
      { keepLines: true },
    );
  }

  /** Score, target, gap, band, coverage and weight share of each group, as the report's table. */
  private groupTable(analysis: GapAnalysis, title: (id: string) => string) {
    const { t } = this.words;
    const words = this.words;
    return this.table(
      [
        t('results.pillar'),
        t('results.score'),
        t('analysis.target'),
        t('analysis.gap'),
        t('analysis.band'),
        t('results.coverage'),
        t('results.weightShare'),
      ],
      analysis.groups.map((group) => [
        title(group.pillarId),
        this.score(group.score, group.provisional),
        group.target === null ? '—' : words.whole(group.target),
        words.gap(group),
        this.band(group.band, group.provisional),
        `${words.percent(group.coverage)} (${group.settled}/${group.counted})`,
        words.percent(group.share),
      ]),
      [false, true, true, true, false, true, true],
    );
  }

  summary(report: Report) {
    const { words } = this;
    const { t } = words;
    const { analysis } = report.summary;
    const { overall } = analysis;
    const outOf = overall.score === null ? '' : ` ${t('results.outOf')}`;
    if (analysis.state === 'empty')
      return [this.heading(t('report.summary'), 1, true), this.paragraph(t('results.empty.report'))];
    const mark = overall.provisional ? ` (${t('analysis.provisionalTag')})` : '';
    return [
      this.heading(t('report.summary'), 1, true),
      this.fact(t('results.overall'), `${words.score(overall.score)}${outOf}${mark}`),
      ...(overall.band
        ? [
            this.paragraph(
              overall.provisional
                ? this.band(overall.band, true)
                : t('analysis.bandIs', { band: words.band(overall.band) }),
            ),
          ]
        : []),
      ...(overall.provisional ? [this.provisionalNote(analysis.coverage, overall.ceiling)] : []),
      this.fact(t('analysis.overallGap'), words.gap(overall)),
      ...(overall.target === null
        ? []
        : [this.paragraph(t('analysis.overallTarget', { target: words.whole(overall.target) }))]),
      this.fact(t('results.coverage'), words.percent(analysis.coverage)),
      this.paragraph(
        t(analysis.groupBy === 'gciPillar' ? 'reportAnalysis.tableByGci' : 'reportAnalysis.tableByPillar'),
        {},
        true,
      ),
      this.groupTable(analysis, words.group),
      this.heading(t('report.topGaps.title'), 2),
      ...this.topGaps(report),
    ];
  }

  private topGaps(report: Report) {
    const { words } = this;
    const { t } = words;
    const top = report.plan.items.slice(0, 3);
    if (top.length === 0) return [this.paragraph(t('analysis.planEmpty'))];
    return top.flatMap((item, index) => [
      this.paragraph(
        `${index + 1}. ${words.group(item.groupId)}: ${t('report.topGaps.figures', {
          score: this.score(item.score, item.provisional),
          target: words.whole(item.target),
          gap: words.gapPoints(item),
        })}`,
        {},
        true,
      ),
      ...item.steps.slice(0, 2).map((step) => this.bullet(words.content(step.text))),
      ...(item.open.length > 0
        ? [this.paragraph(t('report.topGaps.open', { count: item.open.length }))]
        : []),
    ]);
  }

  plan(report: Report) {
    const { words } = this;
    const { t } = words;
    const { analysis, otherView } = report.gaps;
    const ranked = analysis.groups
      .filter((group) => group.rank !== null)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const citations = new Map(report.plan.citations.map((citation) => [citation.id, citation]));
    return [
      this.heading(t('analysis.sections.gaps'), 1, true),
      this.paragraph(t('analysis.gapTable'), {}, true),
      this.table(
        [
          t('analysis.rank'),
          t('results.pillar'),
          t('results.score'),
          t('analysis.target'),
          t('analysis.gap'),
          t('results.weightShare'),
          t('analysis.priority'),
        ],
        ranked.map((group) => [
          String(group.rank),
          words.group(group.pillarId),
          this.score(group.score, group.provisional),
          group.target === null ? '—' : words.whole(group.target),
          words.gap(group),
          words.percent(group.share),
          words.decimal(group.priority),
        ]),
        [true, false, true, true, true, true, true],
      ),
      this.heading(
        t(otherView.groupBy === 'gciPillar' ? 'reportAnalysis.gciView' : 'reportAnalysis.pillarView'),
        2,
      ),
      this.groupTable(otherView, words.otherGroup),
      this.heading(t('analysis.sections.plan'), 1, true),
      this.paragraph(t('analysis.planHint')),
      ...(report.plan.items.length === 0 ? [this.paragraph(t('analysis.planEmpty'))] : []),
      ...report.plan.items.flatMap((item) => [
        this.heading(`${item.rank}. ${words.group(item.groupId)}`, 2),
        this.paragraph(
          t('analysis.planFigures', {
            score: words.whole(item.score),
            target: words.whole(item.target),
            gap: words.gapPoints(item),
            share: words.percent(item.share),
            priority: words.decimal(item.priority),
          }),
        ),
        ...(item.provisional ? [this.provisionalNote(item.coverage, item.ceiling)] : []),
        this.heading(t('analysis.gapsFound'), 3),
        ...(item.steps.length === 0 ? [this.paragraph(t('analysis.noGapsFound'))] : []),
        ...item.steps.map((step) =>
          this.bullet(
            step.action
              ? `${words.content(step.text)} ${t('analysis.nextStep')} ${words.content(step.action)}`
              : `${words.content(step.text)} ${t('analysis.noAction')}`,
          ),
        ),
        ...(item.open.length > 0
          ? [
              this.heading(t('analysis.stillToAnswer', { count: item.open.length }), 3),
              this.paragraph(t('analysis.stillToAnswerHint')),
              ...item.open.map((step) => this.bullet(words.content(step.text))),
            ]
          : []),
        ...this.citationLines(
          item.clauses.flatMap((id) => citations.get(id) ?? []),
          t('analysis.clauses', { count: item.clauses.length }),
        ),
      ]),
    ];
  }

  /** Citations grouped under their document: "Resolution 130: resolves 9; considering ok)". */
  private citationLines(citations: Citation[], label: string) {
    const { words } = this;
    const byDocument = new Map<string, string[]>();
    for (const citation of citations) {
      const document = words.document(citation) ?? '';
      const clause = words.clause(citation);
      const entries = byDocument.get(document) ?? [];
      if (clause) entries.push(clause);
      byDocument.set(document, entries);
    }
    return [...byDocument].map(([document, clauses]) =>
      this.fact(label, [document, clauses.join('; ')].filter(Boolean).join(': ')),
    );
  }

  private question(question: ReportQuestion) {
    const { words } = this;
    const { t } = words;
    const scoring =
      question.status === 'answered'
        ? t('report.questionScore', { score: words.whole((question.score ?? 0) * 100) })
        : t(`report.status.${question.status}`);
    const share =
      question.share === null
        ? ''
        : ` · ${t('report.questionWeight', {
            weight: words.decimal(question.weight, 4),
            share: words.percent(question.share),
          })}`;
    return [
      this.paragraph(`${question.number} ${words.content(question.text)}`, { keepNext: true }, true),
      this.fact(t('report.answer'), words.answer(question.answer)),
      this.fact(t('report.scoring'), `${scoring}${share}`),
      ...(question.comment ? [this.fact(t('question.comment'), question.comment)] : []),
      ...(question.evidence.length > 0
        ? [
            this.fact(
              t('question.evidence.title'),
              question.evidence.map((item) => item.reference).join('; '),
            ),
          ]
        : []),
      ...this.citationLines(question.sources, t('report.sources')),
    ];
  }

  answers(report: Report) {
    const { words } = this;
    const { t } = words;
    return [
      this.heading(t('report.answers'), 1, true),
      ...report.answers.pillars.flatMap((pillar, index) => {
        const asked = pillar.questions.filter((question) => question.status !== 'hidden');
        const notAsked = pillar.questions.length - asked.length;
        return [
          this.heading(`${index + 1}. ${words.content(pillar.title)}`, 2),
          this.paragraph(
            `${t('report.pillarScore', { score: words.score(pillar.score) })} · ${t(
              'reportAnalysis.pillarTarget',
              {
                target: words.whole(pillar.target),
              },
            )}`,
          ),
          ...asked.flatMap((question) => this.question(question)),
          ...(notAsked > 0 ? [this.paragraph(t('report.notAsked', { count: notAsked }))] : []),
        ];
      }),
    ];
  }

  /** The scores a band covers, worded as the screen's table of bands words them. */
  private bandRange(bands: readonly Band[], index: number): string {
    const { t, decimal } = this.words;
    const band = bands[index]!;
    const above = bands[index - 1];
    if (!above) return t('analysis.bandFrom', { from: decimal(band.from) });
    if (band.from === 0) return t('analysis.bandBelow', { to: decimal(above.from) });
    return t('analysis.bandRange', { from: decimal(band.from), to: decimal(above.from) });
  }

  appendix(report: Report, basedOn: string | undefined, contributors?: DocxTableText) {
    const { words } = this;
    const { t } = words;
    const { appendix } = report;
    const weightRows = (
      rows: typeof appendix.pillarWeights | typeof appendix.gciWeights,
      name: (id: string) => string,
    ) =>
      rows.map((row) => [
        name(row.id),
        words.decimal(row.weight, 3),
        words.percent(row.nominalShare),
        words.percent(row.share),
      ]);
    const weightHead = (first: string) => [
      first,
      t('report.weight'),
      t('reportAnalysis.nominalShare'),
      t('reportAnalysis.resultShare'),
    ];
    const pillarTitles = new Map(appendix.pillarWeights.map((row) => [row.id, words.content(row.title)]));
    return [
      this.heading(t('report.appendix'), 1, true),
      this.heading(t('report.questionnaireTitle'), 2),
      this.paragraph(
        `${words.content(appendix.questionnaire.title)} — ${t('report.questionnaireVersion', {
          version: appendix.questionnaire.version,
        })}`,
      ),
      ...(contributors
        ? [
            this.heading(contributors.title, 2),
            this.paragraph(contributors.lead),
            this.table(contributors.head, contributors.rows, contributors.numeric),
          ]
        : []),
      this.heading(t('reportAnalysis.profile'), 2),
      this.paragraph(words.profile(appendix.profile.title), {}, true),
      ...(basedOn ? [this.paragraph(t('reportAnalysis.basedOn', { title: basedOn }))] : []),
      this.fact(t('reportAnalysis.rationale'), words.profile(appendix.profile.rationale)),
      this.heading(t('report.weights'), 2),
      this.paragraph(t('reportAnalysis.sharesHint')),
      this.paragraph(t('reportAnalysis.pillarWeights'), {}, true),
      this.table(
        weightHead(t('results.pillar')),
        weightRows(appendix.pillarWeights, (id) => pillarTitles.get(id) ?? ''),
        [false, true, true, true],
      ),
      this.paragraph(t('reportAnalysis.gciWeights'), {}, true),
      this.table(
        weightHead(t('reportAnalysis.gciPillar')),
        weightRows(appendix.gciWeights, (id) => t(`gci.${id}`)),
        [false, true, true, true],
      ),
      this.heading(t('reportAnalysis.targets'), 2),
      this.table(
        [t('results.pillar'), t('analysis.target'), t('reportAnalysis.questionnaireTarget')],
        appendix.targets.map((entry) => [
          words.content(entry.title),
          words.decimal(entry.target),
          words.decimal(entry.questionnaireTarget),
        ]),
        [false, true, true],
      ),
      this.heading(t('analysis.sections.bands'), 2),
      this.table(
        [t('analysis.band'), t('analysis.bandScores')],
        appendix.bands.map((band, index) => [words.band(band), this.bandRange(appendix.bands, index)]),
      ),
      this.heading(t('report.method.title'), 2),
      ...[
        t('report.method.question'),
        t('report.method.pillar'),
        t('report.method.counting'),
        t('report.method.followUps'),
        t('report.method.coverage', { final: words.percent(appendix.finalCoverage) }),
        t('report.method.overall'),
        t('reportAnalysis.method.targets'),
        t('reportAnalysis.method.gaps'),
        t('reportAnalysis.method.rounding'),
        t('reportAnalysis.method.priority'),
        t('reportAnalysis.method.plan'),
        t('reportAnalysis.method.gci'),
        t('reportAnalysis.method.bands'),
        t('report.method.reproduce'),
      ].map((text) => this.paragraph(text)),
      this.heading(t('report.cited'), 2),
      ...appendix.cited.map((citation) =>
        this.bullet(
          [
            words.document(citation),
            words.clause(citation),
            citation.summary && words.content(citation.summary),
          ]
            .filter(Boolean)
            .join(' — '),
        ),
      ),
    ];
  }
}
