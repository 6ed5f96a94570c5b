import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const workDirectory = fileURLToPath(new URL('../.readme-examples/', import.meta.url));
const indexPath = fileURLToPath(new URL('./index.ts', import.meta.url));
const testingPath = fileURLToPath(new URL('./testing/index.ts', import.meta.url));

/**
 * Runs every ```ts block of the README: imports of the package point at the sources, and each
 * `console.log(expression); // → text` line checks that String(expression) is exactly that text.
 */
describe('README examples', () => {
  afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1} runs and prints what the README says`, async () => {
      const expected: string[] = [];
      const source = block
        .replaceAll("'@tracker/estimation/testing'", JSON.stringify(testingPath))
        .replaceAll("'@tracker/estimation'", JSON.stringify(indexPath))
        .split('\n')
        .map((line) => {
          const match = /^console\.log\((.*)\); \/\/ → (.*)$/.exec(line);
          if (!match) return line;
          expected.push(match[2] as string);
          return `__printed.push(String(${match[1]}));`;
        })
        .join('\n');
      // The testing entry registers vitest suites when imported; only its import is checked here.
      const program = `export const __printed: string[] = [];\n${source}`;
      const output = ts.transpileModule(program, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      mkdirSync(workDirectory, { recursive: true });
      const file = `${workDirectory}block-${index + 1}.mjs`;
      writeFileSync(file, output.replaceAll(`${indexPath.replace(/\.ts$/, '')}"`, `${indexPath}"`));
      const module = (await import(/* @vite-ignore */ file)) as { __printed: string[] };
      expect(module.__printed).toEqual(expected);
    });
  });
});
