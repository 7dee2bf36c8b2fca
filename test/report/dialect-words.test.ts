// The report's first line on a submission's own conventions: its stop word beside the
// page's, said once and only when it differs.

import { expect } from 'chai';
import { dialectWords } from '../../harness/report/dialect-words.js';

describe("the report's words on a stop word of its own", () => {
  it('says the word both programs use, what the page asks and what it costs', () => {
    expect(dialectWords({ pagePort: 54, stopWord: 'exit', pageStopWord: 'BYE' })).to.equal(
      "your programs end a session with exit; the page's word is BYE: that costs one test, and every other test speaks exit",
    );
  });

  it('says each side apart when they differ', () => {
    expect(dialectWords({ pagePort: 5000, serverStopWord: 'exit', clientStopWord: 'quit', pageStopWord: 'exit' })).to.equal(
      "your server ends a session with exit and your client with quit; the page's word is exit: that costs at most one test, and every test of your client speaks quit",
    );
  });

  it('a client that ends on a word where the page ends it at the end of its input', () => {
    expect(dialectWords({ pagePort: 5001, clientStopWord: 'quit', pageStopWord: 'end of input' })).to.equal(
      'your client ends on quit; the page ends it at the end of its input (Ctrl+D): that costs one test, and every other test types quit first',
    );
  });

  it("each side its own word, neither the page's", () => {
    expect(dialectWords({ pagePort: 54, serverStopWord: 'exit', clientStopWord: 'quit', pageStopWord: 'BYE' })).to.equal(
      "your server ends a session with exit and your client with quit; the page's word is BYE: that costs one test, and every other test speaks exit or quit",
    );
  });

  it('a server of its own word beside a client that compares with none: only the server is named', () => {
    expect(dialectWords({ pagePort: 5000, serverStopWord: 'QUIT', pageStopWord: 'disconnect' })).to.equal(
      "your server ends a session with QUIT; the page's word is disconnect: that costs one test, and every test of your server speaks QUIT",
    );
  });

  it('follows the port, as a sentence of its own', () => {
    const said = dialectWords({ pagePort: 54, serverPort: 12345, clientPort: 12345, stopWord: 'exit', pageStopWord: 'BYE' });
    expect(said).to.match(/^your server listens on 12345 .*uses 12345\. Your programs end a session with exit; /);
  });

  it('says nothing when the programs speak the page', () => {
    expect(dialectWords({ pagePort: 54, serverPort: 54 })).to.equal(undefined);
    expect(dialectWords({ pagePort: 54 })).to.equal(undefined);
  });
});

describe("the report's words on a client that sends without a newline", () => {
  it('answered without one, when its server reads that way or it came alone', () => {
    expect(dialectWords({ pagePort: 54, clientFraming: 'bare' })).to.equal(
      "your client sends messages without a newline; the page asks for one: that costs one test (the client's newline test), and the client tests answer without it",
    );
  });

  it('answered with one, when its server reads up to the newline', () => {
    expect(dialectWords({ pagePort: 54, serverFraming: 'line', clientFraming: 'bare' })).to.equal(
      "your client sends messages without a newline; the page asks for one: that costs one test (the client's newline test), and the client tests answer with a newline, as your server reads",
    );
  });
});
