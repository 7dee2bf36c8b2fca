// Whether a user other than the file's owner may read or run a path: every folder on
// the way must be open to others (o+x), and the file itself (o+r, or o+x to run).

import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export function othersMay(file: string, what: 'read' | 'run'): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    if (!hasBits(dir, 0o001)) return false;
    if (dir === '/') break;
  }
  const st = statSync(real);
  if (st.isDirectory()) return hasBits(real, what === 'read' ? 0o005 : 0o001);
  return hasBits(real, what === 'read' ? 0o004 : 0o005);
}

function hasBits(p: string, bits: number): boolean {
  try {
    return (statSync(p).mode & bits) === bits;
  } catch {
    return false;
  }
}
