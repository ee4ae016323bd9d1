import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's `templates/` folder: next to the first `package.json` above `start`. Walking up (rather than a
 * fixed `../..`) finds it from `src/...` under jest and from `dist/src/...` after tsc alike.
 */
export const findTemplatesDirectory = (start: string = __dirname): string => {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'templates');
    if (path.dirname(dir) === dir) throw new Error(`No package.json found above ${start}, so no templates folder`);
  }
};
