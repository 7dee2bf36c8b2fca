// Student code runs with a scrubbed environment: nothing of the grader's own
// (tokens, CI secrets) leaks in, only what a program needs to run and find its peer.

export function studentEnv(home: string, extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'dumb',
    // A program's own user has no name in /etc/passwd; getpass.getuser() reads these first.
    USER: 'student',
    LOGNAME: 'student',
    // Python block-buffers stdout on a pipe: without this a correct program looks silent.
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    ...extra,
  };
}
