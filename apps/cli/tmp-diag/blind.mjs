import { readFileSync } from 'node:fs';
import { estimateRecords } from '@tracker/estimation';
const models = JSON.parse(readFileSync(new URL('../../../data/models.json', import.meta.url))).models;
const results = estimateRecords(models, { blind: true });
for (const id of process.argv.slice(2)) {
  const r = results.get(id);
  console.log(id, r.estimate?.median.toExponential(2), r.assessment.probabilityAbove?.toFixed(2), r.estimate?.method);
  for (const c of r.estimate?.components ?? []) console.log('  ', c.method, c.used, c.median.toExponential(2), c.log10Sigma.toFixed(2), c.reasoning.slice(0, 600));
}
