// Shows bytes to a student the way they would type them in Python: "HELLO\n".

const MAX_SHOWN = 200;

export function quote(data: string | Buffer, max = MAX_SHOWN): string {
  const text = typeof data === 'string' ? data : data.toString('latin1');
  const shown = text.length > max ? text.slice(0, max) : text;
  const escaped = JSON.stringify(shown);
  return text.length > max ? `${escaped}… (${text.length} bytes in all)` : escaped;
}

/** Quote bytes that may be binary: readable text is shown, else a size and a hex start. */
export function describeBytes(data: Buffer): string {
  if (data.length === 0) return 'nothing (0 bytes)';
  const printable = data.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2);
  if (printable) return quote(data.toString('utf8'));
  return `${data.length} bytes starting ${data.subarray(0, 16).toString('hex')}`;
}
