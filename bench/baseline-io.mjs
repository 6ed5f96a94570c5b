// The floor `tracker run --offline` is compared with (issue 11, item 9): a bare Node script that reads and parses
// every observation file of a data folder and writes the same number of bytes of JSON, atomically (a temp file,
// then a rename), as the run writes models.json. No validation, no pipeline: only the I/O and JSON work.
//
//   node bench/baseline-io.mjs DATA_DIR OUT_FILE BYTES
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [dataDir, outFile, bytesArgument] = process.argv.slice(2);
const targetBytes = Number(bytesArgument);
if (!dataDir || !outFile || !Number.isFinite(targetBytes) || targetBytes <= 0) {
  process.stderr.write('usage: node bench/baseline-io.mjs DATA_DIR OUT_FILE BYTES\n');
  process.exit(2);
}

const folder = join(dataDir, 'observations');
const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
const files = await Promise.all(
  names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8'))),
);
const all = files.flatMap((file) => file.observations);
const observations = all.length > 0 ? all : [{}];

// The observations again, as many times as it takes to write as much JSON as models.json holds.
const chunks = [];
let written = 2;
for (let index = 0; written < targetBytes; index = (index + 1) % observations.length) {
  const text = JSON.stringify(observations[index], null, 2);
  chunks.push(text);
  written += Buffer.byteLength(text) + 2;
}
const temp = `${outFile}.${process.pid}.tmp`;
await writeFile(temp, `[\n${chunks.join(',\n')}\n]\n`);
await rename(temp, outFile);
process.stdout.write(
  `${JSON.stringify({ files: names.length, observations: all.length, bytes: written })}\n`,
);
