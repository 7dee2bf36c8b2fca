// The report's first word on a submission's own ports: what the grader learned from its
// programs, what the page asks, and what the difference costs. Nothing when they agree.

import type { Dialect } from './types.js';

/** The title of the one test that grades the page's port (see spec/page-port.ts). */
export const PAGE_PORT_TEST = 'the server starts and listens on PORT';

export function dialectWords(d: Dialect | undefined): string | undefined {
  if (!d) return undefined;
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
