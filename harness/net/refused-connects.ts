// How many TCP connects were refused in a network: a client that "gives up when no server
// runs" must first have tried. Read from the network's own /proc/<pid>/net/snmp
// (Tcp AttemptFails: connects that went from SYN-SENT straight to CLOSED).

import { readFileSync } from 'node:fs';

export function refusedConnects(netPid: number): number | undefined {
  try {
    const lines = readFileSync(`/proc/${netPid}/net/snmp`, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('Tcp:'));
    const [names, values] = lines.map((l) => l.trim().split(/\s+/));
    const i = names?.indexOf('AttemptFails') ?? -1;
    return i > 0 && values ? Number(values[i]) : undefined;
  } catch {
    return undefined;
  }
}
