// task6 reference client: the task5 client on task6's port; binary files are saved as the
// raw bytes that follow "OK\n".

import { runOkFileClient } from '../lib/ok-file-client.js';

await runOkFileClient(56);
