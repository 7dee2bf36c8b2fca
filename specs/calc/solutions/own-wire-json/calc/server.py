import json
import os
import socket
import threading

PORT = int(os.environ.get("PORT", 5005))


def compute(req):
    a, op, b = float(req["a"]), req["op"], float(req["b"])
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    raise ValueError("unknown operator " + str(op))


def serve(conn):
    with conn, conn.makefile("rb") as f:
        for raw in f:
            try:
                reply = {"result": compute(json.loads(raw))}
            except ZeroDivisionError:
                reply = {"error": "division by zero"}
            except (ValueError, KeyError, TypeError) as e:
                reply = {"error": "bad request: " + str(e)}
            try:
                conn.sendall(json.dumps(reply).encode() + b"\n")
            except OSError:
                return


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", PORT))
s.listen()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
