/** A table's column as TableHead draws it; a plain string is a column of text. */
export interface TableColumn {
  label: string;
  /** Figures, aligned to the end as their cells are. */
  number?: boolean;
  /** A column of buttons: its heading is for screen readers only. */
  hidden?: boolean;
  /** A column a narrow screen does without (the table's own style hides `.wide-only`). */
  wide?: boolean;
  class?: string;
  /** A line under the heading (a date, what an arrow means). */
  hint?: string;
  hintDir?: 'ltr';
  testid?: string;
}

export type Columns = (string | TableColumn)[];

/** Columns of figures, one per heading. */
export const figureColumns = (...labels: string[]): TableColumn[] =>
  labels.map((label) => ({ label, number: true }));

/** The most common table: a column naming each row, then columns of figures. */
export const namedFigures = (name: string, ...figures: string[]): Columns => [
  name,
  ...figureColumns(...figures),
];
