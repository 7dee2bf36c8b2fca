// stock6 reference server: as stock5, and every STOCK_INTERVAL seconds (default 5) each price takes a random step.

import { serveStocks } from '../lib/stock-many.js';

serveStocks({ port: 5000, intervalSeconds: Number(process.env.STOCK_INTERVAL ?? 5) || 5 });
