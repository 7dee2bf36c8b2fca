import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

PRICES = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(1)
print("Stock server listening on port", PORT)

while True:
    conn, addr = server.accept()
    try:
        # read the symbol up to the newline, it may come in pieces
        data = conn.recv(1024)
        while data and not data.endswith(b"\n"):
            data = conn.recv(1024)
        symbol = data.decode().strip().upper()
        if not symbol:
            print(addr, "sent nothing")
        elif symbol in PRICES:
            conn.sendall(f"{PRICES[symbol]:.2f}\n".encode())
            print(addr, "asked for", symbol)
        else:
            conn.sendall(f"ERROR unknown symbol {symbol}\n".encode())
            print(addr, "asked for an unknown symbol:", symbol)
    except OSError as e:
        print(addr, "error:", e)
    finally:
        conn.close()
