import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` so that a reader sees either nothing or the whole content: a temporary file in the same folder
 * (so the rename stays on one file system) renamed into place.
 */
export const writeFileAtomically = async (file: string, content: string | Buffer): Promise<void> => {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};
