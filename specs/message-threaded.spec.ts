// message-threaded: the same protocol as message (lib/message-checks.ts), with a server
// that serves several clients at once (a thread per client): the extra checks hold one
// client connected while another is served.

import { messageTask } from './lib/message-checks.js';

messageTask('message-threaded', true);
