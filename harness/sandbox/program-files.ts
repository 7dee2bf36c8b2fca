// A program's files, written into its working folder (folders on their way made).

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileMap } from './test-network-types.js';

export async function writeFiles(dir: string, files: FileMap): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
