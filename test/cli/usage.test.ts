// The command line as a newcomer meets it: --help on every command prints its usage and
// exits 0 without running anything; bad input is one line naming what is wrong, exit 2.

import { expect } from 'chai';
import { FEW_GRADINGS_MS } from '../limits.js';
import { runCli } from './run-cli.js';

const COMMANDS = ['grade', 'watch', 'class', 'validate', 'bench'] as const;

describe('command-line usage', function () {
  this.timeout(FEW_GRADINGS_MS);

  for (const command of COMMANDS) {
    for (const flag of ['--help', '-h']) {
      it(`${command} ${flag} prints its usage and exits 0, running nothing`, async () => {
        // Arguments that would start work (or fail) were help not asked for.
        const r = await runCli(command, [flag, '--format', 'nonsense', 'task3b']);
        expect(r.exitCode, r.stderr).to.equal(0);
        expect(r.stdout).to.match(new RegExp(`^usage: socket-grader ${command}`));
        expect(r.stderr).to.equal('');
      });
    }
    it(`socket-grader ${command} --help is the command's own usage`, async () => {
      const r = await runCli('socket-grader', [command, '--help']);
      expect(r.exitCode, r.stderr).to.equal(0);
      expect(r.stdout).to.match(new RegExp(`^usage: socket-grader ${command}`));
    });
  }

  it('socket-grader --help lists every command and --version; --version prints the version', async () => {
    const help = await runCli('socket-grader', ['--help']);
    expect(help.exitCode).to.equal(0);
    for (const word of [...COMMANDS, '--version']) expect(help.stdout).to.include(word);
    const version = await runCli('socket-grader', ['--version']);
    expect(version.exitCode).to.equal(0);
    expect(version.stdout.trim()).to.match(/^\d+\.\d+\.\d+/);
  });

  it('names the word npm left behind when it took --format, and says how to pass it', async () => {
    // `npm run grade task3b sub --format json` arrives as `grade task3b sub json`.
    const r = await runCli('grade', ['task3b', 'sub', 'json']);
    expect(r.exitCode).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('unexpected argument "json"').and.include('`npm run grade -- task3b sub --format json`');
  });

  it('names any other stray word, and an unknown option, in one line each, exit 2', async () => {
    const stray = await runCli('class', ['task3b', 'students', '7']);
    expect(stray.exitCode).to.equal(2);
    expect(stray.stderr.trim().split('\n')).to.have.length(1);
    expect(stray.stderr).to.include('unexpected argument "7"').and.include('npm run class --');
    const unknown = await runCli('validate', ['task3b', '--bogus']);
    expect(unknown.exitCode).to.equal(2);
    expect(unknown.stderr.trim()).to.equal('socket-grader: unknown option --bogus; `socket-grader validate --help` lists the options');
  });

  it('a time scale that is not a number above 0, from --time-scale or SOCKET_GRADER_TIME_SCALE: one line naming where it came from, exit 2', async () => {
    const flag = await runCli('grade', ['task3b', 'reference', '--time-scale', '0']);
    expect(flag.exitCode).to.equal(2);
    expect(flag.stderr.trim()).to.equal('socket-grader: --time-scale must be a number above 0 (2 doubles every deadline), not "0"');
    const variable = await runCli('validate', ['task3b'], { SOCKET_GRADER_TIME_SCALE: 'slow' });
    expect(variable.exitCode).to.equal(2);
    expect(variable.stderr.trim()).to.equal('socket-grader: SOCKET_GRADER_TIME_SCALE must be a number above 0 (2 doubles every deadline), not "slow"');
  });

  it('an unknown command: one line with the commands, exit 2', async () => {
    const r = await runCli('socket-grader', ['grades']);
    expect(r.exitCode).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.include('unknown command "grades"').and.include('bench');
  });
});
