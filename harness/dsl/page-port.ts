// The page's port, graded once: every other test talks to a server on the port it chose
// (in the test's own network), so a course's own port (5004, 12345) costs this one test.

import { StudentFailure } from '../core/failures.js';

/** Fails unless the server listens (is bound, over UDP) on the page's port. */
export function expectPagePort(protocol: 'tcp' | 'udp', pagePort: number, actualPort: number): void {
  if (actualPort === pagePort) return;
  const verb = protocol === 'tcp' ? 'listens' : 'is bound';
  throw new StudentFailure({
    expected: `the server ${verb} on the page's port, ${pagePort} (PORT=${pagePort})`,
    actual: `it ${verb} on port ${actualPort}`,
    help: `the page asks for port ${pagePort}, best read from the PORT environment variable: PORT = int(os.environ.get("PORT", ${pagePort})). The other tests talk to your server on the port it chose, ${actualPort}, so this costs this one test`,
  });
}
