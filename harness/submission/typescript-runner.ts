// Runs .ts programs by bundling them once with esbuild and starting plain node:
// a TypeScript loader costs ~0.3 s per start, and a spec starts dozens of programs.

import { chmodSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let cacheDir: string | undefined;
const bundled = new Map<string, string>();

/** The bundle folder if this process made one (a Python submission never does). */
export function existingBundleCacheDir(): string | undefined {
  return cacheDir;
}

/** Where bundles are kept for this grading process; open to the programs' own users. */
export function bundleCacheDir(): string {
  if (!cacheDir) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'socket-grader-ts-'));
    chmodSync(dir, 0o755);
    cacheDir = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return cacheDir;
}

/**
 * Bundles `file` into one .mjs. Every file the bundle takes in must lie inside `submission`
 * (links resolved): an import of `../../bob/task4/server.ts` or of the grader's own
 * solutions is another's code, refused with a sentence (thrown, as a compile error is).
 */
export async function bundleTypeScript(file: string, submission: string): Promise<string> {
  const key = `${file}@${statSync(file).mtimeMs}`;
  const known = bundled.get(key);
  if (known) return known;
  const out = path.join(bundleCacheDir(), `${bundled.size}-${path.basename(file, '.ts')}.mjs`);
  // Loaded on first use: esbuild costs ~0.2 s at every start of the CLI and of each worker, and most submissions are Python.
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [file], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent', metafile: true, absWorkingDir: '/' });
  const root = realpathSync(submission);
  const outside = Object.keys(result.metafile.inputs)
    .map((input) => path.resolve('/', input))
    .find((input) => {
      const rel = path.relative(root, input);
      return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
    });
  if (outside) {
    rmSync(out, { force: true });
    throw new Error(`it imports ${outside}, outside your folder: a submission may use only its own files`);
  }
  bundled.set(key, out);
  return out;
}
