// stock7 reference server: many requests per connection until "disconnect", answered BYE, closes that connection only.

import { serveStocks } from '../lib/stock-many.js';

serveStocks({ port: 5000, disconnect: true });
