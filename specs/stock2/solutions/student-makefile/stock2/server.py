import os
import socketserver

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

STOCKS = {
    "AAPL": "189.50",
    "GOOG": "141.20",
    "MSFT": "378.85",
    "AMZN": "145.30",
    "TSLA": "242.65",
}


class StockHandler(socketserver.StreamRequestHandler):
    def handle(self):
        try:
            for raw in self.rfile:  # one line at a time, until the client closes
                symbol = raw.decode().strip().upper()
                if not symbol:
                    continue
                answer = STOCKS.get(symbol, "ERROR unknown symbol " + symbol)
                self.wfile.write((answer + "\n").encode())
        except ConnectionError:
            print("client vanished")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server((HOST, PORT), StockHandler) as server:
    print("serving stock prices on", PORT)
    server.serve_forever()
