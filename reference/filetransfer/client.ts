// filetransfer reference client: the task5/task6 client on port 5004. It saves the file
// only once the server has closed after "OK\n" and the bytes, so nothing is left behind
// when the answer is ERROR, no server listens, or the connection breaks mid-file: each
// of those prints one line and exits 1.

import { runOkFileClient } from '../lib/ok-file-client.js';

await runOkFileClient(5004);
