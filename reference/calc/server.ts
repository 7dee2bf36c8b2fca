// calc reference server: one expression a line, "NUMBER OP NUMBER" (spaces optional,
// numbers like 12, -4, 2.25; OP one of + - * /), one reply line each: the result, or
// "ERROR <reason>". The input is parsed, never evaluated as code. A connection carries
// any number of expressions, until the client closes it; clients are served side by side.

import net from 'node:net';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5005);

const EXPRESSION = /^\s*(-?\d+(?:\.\d+)?)\s*([-+*/])\s*(-?\d+(?:\.\d+)?)\s*$/;

/** The reply to one line (without its newline). */
function calculate(line: string): string {
  const m = EXPRESSION.exec(line);
  if (!m) return 'ERROR bad expression';
  const [, left, op, right] = m;
  // Whole numbers stay exact (as Python's int), except in a division.
  if (op !== '/' && !left.includes('.') && !right.includes('.')) {
    const [a, b] = [BigInt(left), BigInt(right)];
    return String(op === '+' ? a + b : op === '-' ? a - b : a * b);
  }
  const [a, b] = [Number(left), Number(right)];
  if (op === '/' && b === 0) return 'ERROR division by zero';
  const value = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  return Number.isFinite(value) ? String(value) : 'ERROR result too large';
}

const server = net.createServer((conn) => {
  let pending = Buffer.alloc(0);
  conn.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    const replies: string[] = [];
    for (let nl = pending.indexOf(0x0a); nl >= 0; nl = pending.indexOf(0x0a)) {
      const line = pending.subarray(0, nl).toString('utf8').replace(/\r$/, '');
      pending = pending.subarray(nl + 1);
      replies.push(`${calculate(line)}\n`);
    }
    if (replies.length > 0) conn.write(replies.join(''));
  });
  conn.on('end', () => conn.end());
  conn.on('error', () => conn.destroy());
});
server.listen(port, host);
