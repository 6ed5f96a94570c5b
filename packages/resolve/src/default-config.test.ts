import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadAliasConfig, loadExclusionConfig, parseAliasConfig, parseExclusionConfig } from './config';
import { defaultAliasConfig, defaultExclusionConfig } from './default-config';
import { DEFAULT_ALIAS_YAML_SHA256, DEFAULT_EXCLUSION_YAML_SHA256 } from './default-config.generated';

const aliasesFile = fileURLToPath(new URL('../../../configs/aliases.yaml', import.meta.url));
const exclusionsFile = fileURLToPath(new URL('../../../configs/exclusions.yaml', import.meta.url));
const generatedFile = fileURLToPath(new URL('./default-config.generated.ts', import.meta.url));

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function renderGenerated(): string {
  const aliasesText = readFileSync(aliasesFile, 'utf8');
  const exclusionsText = readFileSync(exclusionsFile, 'utf8');
  // Stored as validated (defaults filled in), so loading them needs no schema check at run time: the tests below
  // keep them equal to what parsing the YAML gives.
  const aliases = parseAliasConfig(parseYaml(aliasesText), 'configs/aliases.yaml');
  const exclusions = parseExclusionConfig(parseYaml(exclusionsText), 'configs/exclusions.yaml');
  return [
    '// Generated from configs/aliases.yaml and configs/exclusions.yaml by default-config.test.ts',
    '// (in packages/resolve: npx -y pnpm@10 generate:default-config). Do not edit by hand.',
    '// Validated when generated; default-config.test.ts checks they equal what parsing the YAML gives.',
    "import type { AliasConfig, ExclusionConfig } from './config';",
    '',
    `export const DEFAULT_ALIAS_CONFIG: AliasConfig = ${JSON.stringify(aliases, null, 2)};`,
    '',
    `export const DEFAULT_EXCLUSION_CONFIG: ExclusionConfig = ${JSON.stringify(exclusions, null, 2)};`,
    '',
    '/** SHA-256 of the YAML texts above: `loadAliasConfig` and `loadExclusionConfig` skip parsing an identical text. */',
    `export const DEFAULT_ALIAS_YAML_SHA256 = '${sha256(aliasesText)}';`,
    `export const DEFAULT_EXCLUSION_YAML_SHA256 = '${sha256(exclusionsText)}';`,
    '',
  ].join('\n');
}

describe('bundled default configs', () => {
  it.runIf(process.env.TRACKER_WRITE_DEFAULT_CONFIG === '1')(
    'rewrites the generated copy from the YAML',
    () => {
      writeFileSync(generatedFile, renderGenerated());
    },
  );

  it('match configs/aliases.yaml exactly', () => {
    const fromYaml = loadAliasConfig(readFileSync(aliasesFile, 'utf8'), 'configs/aliases.yaml');
    expect(defaultAliasConfig()).toEqual(fromYaml);
  });

  it('match configs/exclusions.yaml exactly', () => {
    const fromYaml = loadExclusionConfig(readFileSync(exclusionsFile, 'utf8'), 'configs/exclusions.yaml');
    expect(defaultExclusionConfig()).toEqual(fromYaml);
  });

  it('are the generated file as the YAML renders it now', () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(renderGenerated());
  });

  it('record the hash of the YAML they were generated from', () => {
    expect(DEFAULT_ALIAS_YAML_SHA256).toBe(sha256(readFileSync(aliasesFile, 'utf8')));
    expect(DEFAULT_EXCLUSION_YAML_SHA256).toBe(sha256(readFileSync(exclusionsFile, 'utf8')));
  });

  it('load an unmodified default text without parsing it, to exactly what parsing gives', () => {
    const aliasesText = readFileSync(aliasesFile, 'utf8');
    const exclusionsText = readFileSync(exclusionsFile, 'utf8');
    const parsedAliases = parseAliasConfig(parseYaml(aliasesText), 'configs/aliases.yaml');
    const parsedExclusions = parseExclusionConfig(parseYaml(exclusionsText), 'configs/exclusions.yaml');
    const loaded = loadAliasConfig(aliasesText, 'configs/aliases.yaml');
    expect(loaded).toStrictEqual(parsedAliases);
    expect(loadExclusionConfig(exclusionsText, 'configs/exclusions.yaml')).toStrictEqual(parsedExclusions);
    // A copy each time, as parsing would give.
    loaded.models.length = 0;
    expect(loadAliasConfig(aliasesText, 'configs/aliases.yaml')).toStrictEqual(parsedAliases);
  });

  it('parse any other text, so an edited file always counts', () => {
    const edited = `${readFileSync(aliasesFile, 'utf8')}\n  - id: example/edited-model\n    name: Edited Model\n`;
    const loaded = loadAliasConfig(edited, 'configs/aliases.yaml');
    expect(loaded.models.at(-1)).toEqual({ id: 'example/edited-model', name: 'Edited Model', aliases: [] });
    expect(() => loadAliasConfig(`${edited}  - nonsense\n`, 'configs/aliases.yaml')).toThrow(
      /configs\/aliases\.yaml/,
    );
  });

  it('hand out copies, so a caller cannot change the bundled data', () => {
    const first = defaultAliasConfig();
    first.models.length = 0;
    expect(defaultAliasConfig().models.length).toBeGreaterThan(50);
  });
});
