import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

stock_prices = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


def handle_client(conn, addr):
    print("new client", addr)
    buffer = b""
    try:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                symbol = line.decode(errors="replace").strip().upper()
                if not symbol:
                    continue
                if line.decode(errors="replace") == "disconnect":
                    conn.sendall(b"BYE\n")
                    return
                if symbol in stock_prices:
                    reply = f"{stock_prices[symbol]:.2f}"
                else:
                    reply = f"ERROR unknown symbol {symbol}"
                conn.sendall((reply + "\n").encode())
    except OSError as e:
        print("client error:", e)
    finally:
        conn.close()
        print("client left", addr)


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("listening on", PORT)
while True:
    conn, addr = server.accept()
    thread = threading.Thread(target=handle_client, args=(conn, addr), daemon=True)
    thread.start()
