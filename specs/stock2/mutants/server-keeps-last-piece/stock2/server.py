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
    print("Connected by", addr)
    try:
        while True:
            data = conn.recv(1024)
            if not data:
                break  # the client closed the connection
            while not data.endswith(b"\n"):
                more = conn.recv(1024)
                if not more:
                    break
                data = more
            symbol = data.decode().strip().upper()
            if symbol in PRICES:
                answer = f"{PRICES[symbol]:.2f}"
            else:
                answer = f"ERROR unknown symbol {symbol}"
            conn.sendall((answer + "\n").encode())
            print(addr, symbol, "->", answer)
    except OSError as e:
        print("Connection error:", e)
    finally:
        conn.close()
    print(addr, "disconnected")
