// Writes one JSON Schema file per record type into dist/json-schema/, from the built zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { jsonSchemas } from '../dist/index.js';

const outDir = new URL('../dist/json-schema/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas)) {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  json.$id = `https://github.com/tracker-1e25/tracker/schema/${name}.json`;
  json.title ??= name;
  writeFileSync(new URL(`${name}.json`, outDir), `${JSON.stringify(json, null, 2)}\n`);
}
