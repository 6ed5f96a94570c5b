import { readFile } from 'node:fs/promises';
import { displayPath } from '@tracker/dataset';
import {
  type AliasConfig,
  type ExclusionConfig,
  loadAliasConfig,
  loadExclusionConfig,
} from '@tracker/resolve';
import { TrackerError } from '@tracker/schema';
import { type CommandContext, configPath } from './context';

// Kept apart from sources.ts: resolution needs neither got nor cheerio, so offline commands load neither.
/** The alias and exclusion lists: the configured files when they exist, else the bundled ones. */
export async function loadResolutionConfig(
  context: CommandContext,
): Promise<{ aliases?: AliasConfig; exclusions?: ExclusionConfig }> {
  const { config } = context.loaded;
  const read = async (path: string) => {
    const file = configPath(context, path);
    try {
      return { text: await readFile(file, 'utf8'), shown: displayPath(file, context.io.cwd) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new TrackerError('CONFIG_INVALID', `${displayPath(file, context.io.cwd)}: cannot be read`, {
        cause: error,
      });
    }
  };
  const [aliases, exclusions] = await Promise.all([read(config.aliases), read(config.exclusions)]);
  return {
    ...(aliases ? { aliases: loadAliasConfig(aliases.text, aliases.shown) } : {}),
    ...(exclusions ? { exclusions: loadExclusionConfig(exclusions.text, exclusions.shown) } : {}),
  };
}
