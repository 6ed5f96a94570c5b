// The output checks at scale that used to be tests with fixed limits: a 200,000-row terminal table and the HTML
// report of 10,000 models, each timed in this fresh process. Prints one JSON line; the structure is checked too
// (one line per row, one table row per model), so a broken formatter fails the benchmark rather than passing fast.
import { readFileSync } from 'node:fs';

const query = await import('../packages/query/dist/index.js');
const [rowCount, modelCount] = process.argv.slice(2).map(Number);

const fixture = JSON.parse(
  readFileSync(
    new URL('../packages/query/src/report/__fixtures__/report-models.json', import.meta.url),
    'utf8',
  ),
);
const template = fixture.models.find((record) => record.estimate) ?? fixture.models[0];

const row = query.toQueryRow(template);
const rows = Array.from({ length: rowCount }, (_, index) => ({ ...row, id: `bulk/model-${index}` }));
const tableStart = performance.now();
const table = query.formatRows(rows, { fields: ['id', 'name', 'median'], width: 80 });
const tableMs = performance.now() - tableStart;
const tableLines = table.split('\n').length - 1;
if (tableLines !== rowCount + 2) throw new Error(`table: expected ${rowCount + 2} lines, got ${tableLines}`);

const models = Array.from({ length: modelCount }, (_, index) => {
  const median = 10 ** (20 + (index % 80) / 10);
  return {
    ...template,
    id: `bulk/model-${index}`,
    name: `Model ${index}`,
    estimate: { ...template.estimate, median, interval90: [median / 3, median * 3] },
  };
});
const reportStart = performance.now();
const page = query.formatReportHtml(models, { generatedAt: '2026-01-01T00:00:00.000Z', threshold: 1e25 });
const reportMs = performance.now() - reportStart;
const reportRows = page.match(/<tr class="status-/g)?.length ?? 0;
if (reportRows !== modelCount)
  throw new Error(`report: expected ${modelCount} table rows, got ${reportRows}`);

process.stdout.write(
  `${JSON.stringify({ rowCount, tableMs, modelCount, reportMs, reportBytes: Buffer.byteLength(page) })}\n`,
);
