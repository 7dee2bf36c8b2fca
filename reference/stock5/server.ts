// stock5 reference server: stock quotes for many clients at once (a thread per client in Python).

import { serveStocks } from '../lib/stock-many.js';

serveStocks({ port: 5000 });
