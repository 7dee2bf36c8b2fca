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
            line = self.rfile.readline()  # reads up to the newline
        except ConnectionError:
            return
        if not line:
            return
        symbol = line.decode().strip().upper()
        price = STOCKS.get(symbol)
        if price is None:
            answer = "ERROR unknown symbol " + symbol
        else:
            answer = price
        try:
            self.wfile.write((answer + "\n").encode())
        except ConnectionError:
            pass


class Server(socketserver.TCPServer):
    allow_reuse_address = True


with Server((HOST, PORT), StockHandler) as server:
    print("serving stock prices on", PORT)
    server.serve_forever()
