// message reference server: answers every message with "Message received", closes a
// connection after "exit", and keeps serving (several clients at once).

import { serveMessages } from '../lib/message-server.js';

serveMessages(5000);
