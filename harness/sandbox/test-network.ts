// The network one test runs in, and the folders its programs get: with namespaces, the
// test's own (namespace-network.ts); without, the machine's loopback (host-network.ts).

import { HostNetwork } from './host-network.js';
import { isolation } from './isolation.js';
import { NamespaceNetwork } from './namespace-network.js';
import type { SandboxView, TestNetwork } from './test-network-types.js';

export { settleSandboxes } from './namespace-network.js';
export type { FileMap, ProgramFolder, SandboxView, TestNetwork } from './test-network-types.js';

export async function openTestNetwork(view: SandboxView): Promise<TestNetwork> {
  const mode = isolation().mode;
  return mode === 'none' ? new HostNetwork() : NamespaceNetwork.open(mode, view);
}
