// Shows bytes to a student the way they would type them in Python: "HELLO\n" for text,
// b'\x89PNG\r\n' for binary data, never a hex dump.

const MAX_SHOWN = 200;

export function quote(data: string | Buffer, max = MAX_SHOWN): string {
  const text = typeof data === 'string' ? data : data.toString('latin1');
  const shown = text.length > max ? text.slice(0, max) : text;
  const escaped = JSON.stringify(shown);
  return text.length > max ? `${escaped}… (${text.length} bytes in all)` : escaped;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes are UTF-8 text a person reads: no control bytes but tab, CR and LF. */
export function isText(data: Buffer): boolean {
  let text: string;
  try {
    text = strictUtf8.decode(data);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

/** Bytes as Python prints a bytes object: b'\x89PNG\r\n', printable ASCII as itself. */
export function pythonBytes(data: Buffer, max = 24): string {
  let out = '';
  for (const b of data.subarray(0, max)) {
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x27) out += "\\'";
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `b'${out}'${data.length > max ? '…' : ''}`;
}

/** One byte: the character when it is printable ASCII ("a", "\n"), else Python's escape (b'\xff'). */
export function quoteByte(byte: number): string {
  const isShown = (byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09;
  return isShown ? JSON.stringify(String.fromCharCode(byte)) : `the byte ${pythonBytes(Buffer.from([byte]))}`;
}

/** Quote bytes that may be binary: readable text is shown as text, else as a Python bytes literal. */
export function describeBytes(data: Buffer): string {
  if (data.length === 0) return 'nothing (0 bytes)';
  if (isText(data)) return quote(data.toString('utf8'));
  if (data.length <= 24) return `${pythonBytes(data)} (${data.length} bytes)`;
  return `${data.length} bytes starting ${pythonBytes(data, 16)}`;
}
