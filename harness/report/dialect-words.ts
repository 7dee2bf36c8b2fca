// The report's first word on a submission's own ports and framing: what the grader
// learned from its programs, what the page asks, and what the difference costs. Nothing
// when they agree.

import { PAGE_NEWLINE_TEST } from '../spec/page-newline.js';
import type { Dialect } from './types.js';

export { PAGE_NEWLINE_TEST };

/** The title of the one test that grades the page's port (see spec/page-port.ts). */
export const PAGE_PORT_TEST = 'the server starts and listens on PORT';

export function dialectWords(d: Dialect | undefined): string | undefined {
  if (!d) return undefined;
  const said = [portWords(d), framingWords(d)].filter((w) => w !== undefined);
  return said.length > 0 ? said.join('; ') : undefined;
}

/** A server that reads messages without a newline, a client that sends none; nothing for programs that follow the page. */
function framingWords(d: Dialect): string | undefined {
  const server = d.serverFraming === 'bare';
  const client = d.clientFraming === 'bare';
  if (server && client) {
    return `your server reads messages without a newline and your client sends none; the page asks for one: that costs one test each (${PAGE_NEWLINE_TEST}, and the client's newline test), and the other tests speak without it`;
  }
  if (server) return `your server reads messages without a newline; the page asks for one: that costs one test (${PAGE_NEWLINE_TEST}), and the other tests send without it`;
  if (client) return "your client sends messages without a newline; the page asks for one: that costs one test (the client's newline test), and the client tests answer without it";
  return undefined;
}

function portWords(d: Dialect): string | undefined {
  const { pagePort, serverPort, clientPort } = d;
  const serverOff = serverPort !== undefined && serverPort !== pagePort;
  const clientOff = clientPort !== undefined && clientPort !== pagePort;
  if (!serverOff && !clientOff) return undefined;
  const seen = [...(serverPort === undefined ? [] : [`your server listens on ${serverPort}`]), ...(clientPort === undefined ? [] : [`your client connects to ${clientPort}`])].join(' and ');
  const costs: string[] = [];
  const apart = clientOff && serverPort !== undefined && serverPort !== clientPort;
  if (serverOff) costs.push(`that costs one test (${PAGE_PORT_TEST})`);
  if (serverOff && clientOff && serverPort === clientPort) costs.push(`every other test uses ${serverPort}`);
  else {
    if (serverOff) costs.push(`the other tests talk to your server on ${serverPort}`);
    if (clientOff) costs.push(`the client tests wait for your client on ${clientPort}${serverOff || apart ? '' : ', at no cost'}`);
  }
  if (apart) costs.push(`end to end, your client looks for your server on ${clientPort}, where it does not listen`);
  return `${seen}; the page asks for ${pagePort}: ${costs.join('; ')}`;
}
