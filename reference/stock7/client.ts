// stock7 reference client: the symbols of its command line (default AAPL GOOG MSFT), one line "SYMBOL answer" printed for each, then "disconnect".

import { askStocks } from '../lib/stock-many.js';

askStocks({ port: 5000, disconnect: true });
