// task8's datagrams, as PROTOCOL.md defines them: parsed for the grader's checks and
// built for the grader's own server.

import { describeBytes } from '../../harness/index.js';

/** At most this many bytes of the file in one DATA datagram. */
export const MAX_CHUNK = 4096;

export type Parsed = { kind: 'DATA'; n: number; chunk: Buffer } | { kind: 'END'; count: number | undefined } | { kind: 'ERROR'; message: string } | { kind: 'ACK'; n: number } | { kind: 'other' };

export function parse(datagram: Buffer): Parsed {
  const nl = datagram.indexOf(0x0a);
  const header = (nl >= 0 ? datagram.subarray(0, nl) : datagram).toString('latin1').trim();
  const [word = '', arg = ''] = header.split(/\s+/, 2);
  const number = /^\d+$/.test(arg) ? Number(arg) : undefined;
  // Tolerated at no cost: any letter case, a colon after the keyword ("ERROR: …").
  switch (word.toUpperCase().replace(/:$/, '')) {
    case 'DATA':
      // The header must end at a newline: everything after it is file bytes.
      return nl >= 0 && number !== undefined ? { kind: 'DATA', n: number, chunk: datagram.subarray(nl + 1) } : { kind: 'other' };
    case 'END':
      return { kind: 'END', count: number };
    case 'ERROR':
      return { kind: 'ERROR', message: datagram.toString('utf8').trim() };
    case 'ACK':
      return number !== undefined ? { kind: 'ACK', n: number } : { kind: 'other' };
    default:
      return { kind: 'other' };
  }
}

export function dataDatagram(n: number, chunk: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DATA ${n}\n`), chunk]);
}

/** A datagram as a student reads it in a message: its header, then the size. */
export function showDatagram(datagram: Buffer): string {
  const nl = datagram.indexOf(0x0a);
  if (nl >= 0 && nl < 40) return `${describeBytes(datagram.subarray(0, nl + 1))} + ${datagram.length - nl - 1} bytes`;
  return datagram.length > 60 ? `${describeBytes(datagram.subarray(0, 40))}… (${datagram.length} bytes)` : describeBytes(datagram);
}

/** The file cut into chunks of `size` bytes (none for an empty file). */
export function chunksOf(data: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}
