import json
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

PRICES = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


def make_reply(line):
    try:
        request = json.loads(line)
    except ValueError:
        return {"error": "malformed JSON"}
    if not isinstance(request, dict) or not isinstance(request.get("symbols"), list):
        return {"error": "expected {\"symbols\": [...]}"}
    prices = []
    for symbol in request["symbols"]:
        prices.append(PRICES.get(str(symbol).strip().upper()))  # None if unknown
    return {"prices": prices}


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(1)
print("JSON stock server listening on port", PORT)

while True:
    conn, addr = server.accept()
    print("Connected by", addr)
    buffer = b""
    try:
        while True:
            chunk = conn.recv(1024)
            if not chunk:
                break  # the client closed the connection
            buffer = chunk  # the last recv() only
            # one JSON document per line
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if not line.strip():
                    continue
                reply = make_reply(line)
                conn.sendall((json.dumps(reply) + "\n").encode())
                print(addr, line, "->", reply)
    except OSError as e:
        print("Connection error:", e)
    finally:
        conn.close()
    print(addr, "disconnected")
