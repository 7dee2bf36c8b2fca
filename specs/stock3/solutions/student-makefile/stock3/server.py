import json
import os
import socketserver

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

STOCKS = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


class JsonStockHandler(socketserver.StreamRequestHandler):
    def handle(self):
        try:
            for line in self.rfile:  # readline() waits for the whole line
                if not line.strip():
                    continue
                try:
                    req = json.loads(line)
                    symbols = req["symbols"]
                    if not isinstance(symbols, list):
                        raise TypeError("symbols must be a list")
                    answer = {"prices": [STOCKS.get(str(s).strip().upper()) for s in symbols]}
                except (ValueError, KeyError, TypeError) as err:
                    answer = {"error": f"bad request: {err}"}
                self.wfile.write(json.dumps(answer).encode() + b"\n")
        except ConnectionError:
            pass


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server((HOST, PORT), JsonStockHandler) as server:
    print("JSON stock server on", PORT)
    server.serve_forever()
