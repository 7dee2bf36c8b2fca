// stock6 reference client: the symbols of its command line (default AAPL GOOG MSFT), one line "SYMBOL answer" printed for each.

import { askStocks } from '../lib/stock-many.js';

askStocks({ port: 5000 });
