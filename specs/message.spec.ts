// message: the single-threaded "Message received" server and its interactive client
// (seed 003). What is graded is in lib/message-checks.ts; this task's server may serve
// one client at a time, but must take the next one after.

import { messageTask } from './lib/message-checks.js';

messageTask('message', false);
