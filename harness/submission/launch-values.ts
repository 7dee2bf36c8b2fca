// What a manifest may leave for the grader to fill in: a C-style program takes its port
// (and host) from argv (`./server 5000`, `./client 127.0.0.1 5000`), not from the
// environment, so `["./server", "{port}"]` is given the same port as PORT.

/** Where the grader starts a program: the values of its HOST and PORT. */
export interface LaunchValues {
  host: string;
  port: string;
}

/** Each `{port}` and `{host}` in the arguments, also inside a word (`--port={port}`), replaced. */
export function fillLaunchValues(args: readonly string[], values: LaunchValues): string[] {
  return args.map((a) => a.replaceAll('{port}', values.port).replaceAll('{host}', values.host));
}
