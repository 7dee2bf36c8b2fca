import os
import socketserver

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

PRICES = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


class StockHandler(socketserver.StreamRequestHandler):
    def handle(self):
        try:
            for raw in self.rfile:
                sym = raw.decode("utf-8", "replace").strip().upper()
                if sym == "":
                    continue
                price = PRICES.get(sym)
                if price is None:
                    self.wfile.write(f"ERROR unknown symbol {sym}\n".encode())
                else:
                    self.wfile.write(f"{price:.2f}\n".encode())
        except ConnectionError:
            pass


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server((HOST, PORT), StockHandler) as server:
    print(f"Stock server ready on {HOST}:{PORT}")
    server.serve_forever()
