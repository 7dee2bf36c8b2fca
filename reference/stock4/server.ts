// stock4 reference server: stock quotes for many clients at once, all served by one event loop (a select loop in Python).

import { serveStocks } from '../lib/stock-many.js';

serveStocks({ port: 5000 });
