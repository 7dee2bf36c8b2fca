// task5 reference client: asks for the file named by its first argument (or the first
// line typed on stdin), saves it under that name in its working folder on "OK", prints
// the server's error and exits 1 on "ERROR".

import { runOkFileClient } from '../lib/ok-file-client.js';

await runOkFileClient(55);
