import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadAliasConfig, loadExclusionConfig } from './config';
import { defaultAliasConfig, defaultExclusionConfig } from './default-config';

const aliasesFile = fileURLToPath(new URL('../../../../configs/aliases.yaml', import.meta.url));
const exclusionsFile = fileURLToPath(new URL('../../../../configs/exclusions.yaml', import.meta.url));
const generatedFile = fileURLToPath(new URL('./default-config.generated.ts', import.meta.url));

function renderGenerated(): string {
  const aliases = parseYaml(readFileSync(aliasesFile, 'utf8')) as unknown;
  const exclusions = parseYaml(readFileSync(exclusionsFile, 'utf8')) as unknown;
  return [
    '// Generated from configs/aliases.yaml and configs/exclusions.yaml by default-config.test.ts',
    '// (TRACKER_WRITE_DEFAULT_CONFIG=1 npx vitest run src/resolve/default-config.test.ts). Do not edit by hand.',
    "import type { AliasConfigInput, ExclusionConfigInput } from './config';",
    '',
    `export const DEFAULT_ALIAS_CONFIG: AliasConfigInput = ${JSON.stringify(aliases, null, 2)};`,
    '',
    `export const DEFAULT_EXCLUSION_CONFIG: ExclusionConfigInput = ${JSON.stringify(exclusions, null, 2)};`,
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

  it('hand out copies, so a caller cannot change the bundled data', () => {
    const first = defaultAliasConfig();
    first.models.length = 0;
    expect(defaultAliasConfig().models.length).toBeGreaterThan(50);
  });
});
