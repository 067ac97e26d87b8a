/**
 * `npm run bench`: runs every measurement in `scripts/bench/measurements/` (one file each, in
 * name order) and prints one table of figures, each the median of its runs. Not a test: nothing
 * passes or fails here; budgets are checked elsewhere.
 *
 * `npm run bench -- merge` runs only the measurements whose file name contains "merge", in any
 * case (`workshopMerge.ts`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Measurement } from './measurement.ts';

const DEFAULT_RUNS = 7;
const folder = join(fileURLToPath(new URL('.', import.meta.url)), 'measurements');
const filter = process.argv[2]?.toLowerCase();

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function formatValue(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

interface Row {
  measurement: string;
  figure: string;
  median: string;
  unit: string;
  runs: string;
}

async function main(): Promise<void> {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && (!filter || name.toLowerCase().includes(filter)))
    .sort();
  const rows: Row[] = [];
  for (const file of files) {
    const measurement = ((await import(pathToFileURL(join(folder, file)).href)) as { default: Measurement })
      .default;
    console.error(`measuring: ${measurement.name}…`);
    const byLabel = new Map<string, { unit: string; values: number[] }>();
    try {
      await measurement.setup?.();
      const runs = measurement.runs ?? DEFAULT_RUNS;
      for (let run = 0; run < runs; run++) {
        for (const figure of await measurement.measure()) {
          const entry = byLabel.get(figure.label) ?? { unit: figure.unit, values: [] };
          entry.values.push(figure.value);
          byLabel.set(figure.label, entry);
        }
      }
    } finally {
      await measurement.teardown?.();
    }
    const medians = new Map([...byLabel].map(([label, { values }]) => [label, median(values)]));
    for (const [label, { unit, values }] of byLabel) {
      rows.push({
        measurement: measurement.name,
        figure: label,
        median: formatValue(median(values)),
        unit,
        runs: String(values.length),
      });
    }
    for (const figure of measurement.derive?.(medians) ?? []) {
      rows.push({
        measurement: measurement.name,
        figure: figure.label,
        median: formatValue(figure.value),
        unit: figure.unit,
        runs: 'medians',
      });
    }
  }
  printTable(rows);
}

function printTable(rows: readonly Row[]): void {
  const header: Row = {
    measurement: 'measurement',
    figure: 'figure',
    median: 'median',
    unit: 'unit',
    runs: 'runs',
  };
  const columns = Object.keys(header) as (keyof Row)[];
  const width = (column: keyof Row) => Math.max(...[header, ...rows].map((row) => row[column].length));
  const line = (row: Row) =>
    columns
      .map((column) =>
        column === 'median' || column === 'runs'
          ? row[column].padStart(width(column))
          : row[column].padEnd(width(column)),
      )
      .join('  ');
  console.log(line(header));
  console.log(columns.map((column) => '-'.repeat(width(column))).join('  '));
  for (const row of rows) console.log(line(row));
}

await main();
