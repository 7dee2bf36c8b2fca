// The project's own lint rule (lint/no-function-in-block.grit), run by Biome as
// `npm run lint` runs it: a function pasted into a block is refused, one declared where
// functions belong is not.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { execa } from 'execa';
import { root } from '../cli/run-cli.js';

const biome = path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const MESSAGE = 'A function declared inside a block';

/** Biome's lint of `code` with the project's configuration: its exit code and the rule's reports. */
async function lint(code: string): Promise<{ exitCode: number | undefined; reports: number; output: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-test-'));
  try {
    const file = path.join(dir, 'sample.ts');
    writeFileSync(file, code);
    const run = await execa(process.execPath, [biome, 'lint', `--config-path=${root}`, '--only=plugin', file], { reject: false, all: true, stdin: 'ignore' });
    const output = run.all ?? '';
    return { exitCode: run.exitCode, reports: output.split(MESSAGE).length - 1, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lint: no function declared inside a block', () => {
  it("refuses the paste that once hid a check's failures: two functions inside a catch", async () => {
    const { exitCode, reports, output } = await lint(`export async function check(read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (e) {
    function first(): void {}
    async function second(): Promise<void> {}
  }
}
`);
    expect(reports, output).to.equal(2);
    expect(exitCode, output).to.not.equal(0);
  });

  it('refuses one in an if, a bare block and a switch case, once each', async () => {
    const { reports, output } = await lint(`export function f(n: number): void {
  if (n > 0) {
    function inIf(): void {}
  }
  {
    function inBlock(): void {}
  }
  switch (n) {
    case 1:
      function inCase(): void {}
  }
}
`);
    expect(reports, output).to.equal(3);
  });

  it("accepts functions at the top of a module or of a function body, also inside a block's arrow function", async () => {
    const { exitCode, reports, output } = await lint(`export function outer(n: number): () => void {
  function helper(): void {}
  if (n > 0) {
    return () => {
      function inArrowBody(): void {}
      inArrowBody();
    };
  }
  return helper;
}
`);
    expect(reports, output).to.equal(0);
    expect(exitCode, output).to.equal(0);
  });
});
