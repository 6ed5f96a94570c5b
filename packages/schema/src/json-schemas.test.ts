import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchemas } from './index';

const distDir = new URL('../dist/json-schema/', import.meta.url);

describe('JSON Schema files', () => {
  it('every record type converts to a JSON Schema with its properties', () => {
    for (const [name, schema] of Object.entries(jsonSchemas)) {
      const json = z.toJSONSchema(schema, {
        target: 'draft-2020-12',
        io: 'input',
        unrepresentable: 'any',
      }) as Record<string, unknown>;
      expect(json.$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(JSON.stringify(json).length, name).toBeGreaterThan(100);
    }
  });

  it('the build ships one file per record type, with the required fields of an observation', () => {
    // The test task runs after the build (turbo), so dist is there.
    expect(existsSync(distDir), 'run the build first (npx tsup && node scripts/write-json-schema.mjs)').toBe(
      true,
    );
    for (const name of Object.keys(jsonSchemas)) {
      const file = new URL(`${name}.json`, distDir);
      expect(existsSync(file), name).toBe(true);
      const json = JSON.parse(readFileSync(file, 'utf8'));
      expect(json.$id).toBe(`https://github.com/tracker-1e25/tracker/schema/${name}.json`);
    }
    const observation = JSON.parse(readFileSync(new URL('observation.json', distDir), 'utf8'));
    expect(observation.required).toEqual(
      expect.arrayContaining(['source', 'sourceUrl', 'retrievedAt', 'rawName']),
    );
    expect(observation.additionalProperties).toBe(false);
  });
});
