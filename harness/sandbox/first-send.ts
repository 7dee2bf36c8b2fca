// Where a test's programs first try to reach someone: the destination port of the first
// TCP connection attempt (SYN) or UDP datagram on the loopback of a test's network, seen
// by the sandbox helper's packet socket there (it is root in that network).

import { helper } from './helper-channel.js';
import type { TestNetwork } from './test-network.js';

export interface FirstSendWatch {
  /** The port, once seen; undefined when the watch ends without one. */
  readonly port: Promise<number | undefined>;
  /** Ends the watch: a packet sent before now still counts. */
  stop(): Promise<number | undefined>;
}

/** Starts watching `network` (one of its own, not 'none'); `ignore`: datagram ports that are no peer's (a resolver's 53). */
export async function watchFirstSend(network: TestNetwork, protocol: 'tcp' | 'udp', ignore: number[] = []): Promise<FirstSendWatch> {
  if (network.mode === 'none') throw new Error('a first send is watched in a network of its own only');
  const channel = helper(network.mode);
  const { answer } = await channel.ask({ op: 'sniff', pid: network.netPid, protocol, ignore });
  const sniffer = answer.sniffer;
  if (sniffer === undefined) throw new Error('the sandbox helper gave no watch');
  const port = channel
    .awaitEvent({ op: 'sniffed', sniffer })
    .then(({ answer: a }) => (typeof a.port === 'number' ? a.port : undefined))
    // The helper gone (the grading ends): no port seen.
    .catch(() => undefined);
  return {
    port,
    async stop() {
      await channel.ask({ op: 'unsniff', sniffer });
      return port;
    },
  };
}
