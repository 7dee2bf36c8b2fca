// message-threaded reference client: sends each typed line, prints the server's reply; "exit" ends it.

import { runMessageClient } from '../lib/message-client.js';

runMessageClient(5000);
