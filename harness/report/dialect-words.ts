// The report's first word on a submission's own ports, framing and stop word: what the
// grader learned from its programs, what the page asks, and what the difference costs.
// Nothing when they agree.

import { PAGE_NEWLINE_TEST } from '../dsl/page-newline.js';
import { type Dialect, END_OF_INPUT } from './types.js';

export { PAGE_NEWLINE_TEST };

/** The title of the one test that grades the page's port (see dsl/page-port.ts). */
export const PAGE_PORT_TEST = 'the server starts and listens on PORT';

export function dialectWords(d: Dialect | undefined): string | undefined {
  if (!d) return undefined;
  const said = [portWords(d), framingWords(d), stopWordWords(d)].filter((w) => w !== undefined);
  // A sentence after the first starts with a capital; the first is lowercase, as it always was.
  return said.length === 0 ? undefined : said.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('. ');
}

/** "your programs end a session with exit; the page's word is BYE: …", when a program has a word of its own. */
function stopWordWords(d: Dialect): string | undefined {
  const { stopWord, serverStopWord, clientStopWord, pageStopWord } = d;
  if (pageStopWord === undefined) return undefined;
  if (pageStopWord === END_OF_INPUT) {
    if (clientStopWord === undefined) return undefined;
    return `your client ends on ${clientStopWord}; the page ends it at the end of its input (Ctrl+D): that costs one test, and every other test types ${clientStopWord} first`;
  }
  const seen =
    stopWord !== undefined
      ? `your programs end a session with ${stopWord}`
      : [...(serverStopWord === undefined ? [] : [`your server ends a session with ${serverStopWord}`]), ...(clientStopWord === undefined ? [] : [`your client with ${clientStopWord}`])]
          .join(' and ')
          .replace(/^your client with/, 'your client ends a session with');
  if (seen === '') return undefined;
  const server = stopWord ?? serverStopWord;
  const own = [...new Set([stopWord, serverStopWord, clientStopWord].filter((w) => w !== undefined && w !== pageStopWord))];
  if (own.length === 0) return undefined;
  // A server of its own word is charged once; a client's own word beside a server of the page's (or unknown) costs a test only where the page grades the client's.
  const serverOwn = server !== undefined && server !== pageStopWord;
  const client = stopWord ?? clientStopWord;
  const clientOwn = client !== undefined && client !== pageStopWord;
  const cost = serverOwn ? 'that costs one test' : 'that costs at most one test';
  const speaks = serverOwn && clientOwn ? `every other test speaks ${own.join(' or ')}` : serverOwn ? `every test of your server speaks ${server}` : `every test of your client speaks ${client}`;
  return `${seen}; the page's word is ${pageStopWord}: ${cost}, and ${speaks}`;
}

/** A server that reads messages without a newline, a client that sends none; nothing for programs that follow the page. */
function framingWords(d: Dialect): string | undefined {
  const server = d.serverFraming === 'bare';
  const client = d.clientFraming === 'bare';
  if (server && client) {
    return `your server reads messages without a newline and your client sends none; the page asks for one: that costs one test each (${PAGE_NEWLINE_TEST}, and the client's newline test), and the other tests speak without it`;
  }
  if (server) return `your server reads messages without a newline; the page asks for one: that costs one test (${PAGE_NEWLINE_TEST}), and the other tests send without it`;
  if (client) {
    // A client is answered the way its own server reads: a server of the page's newline keeps it.
    const answers = d.serverFraming === 'line' ? 'the client tests answer with a newline, as your server reads' : 'the client tests answer without it';
    return `your client sends messages without a newline; the page asks for one: that costs one test (the client's newline test), and ${answers}`;
  }
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
