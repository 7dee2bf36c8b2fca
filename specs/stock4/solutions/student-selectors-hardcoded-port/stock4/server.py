import os
import selectors
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

PRICES = {"AAPL": "189.50", "GOOG": "141.20", "MSFT": "378.85", "AMZN": "145.30", "TSLA": "242.65"}

sel = selectors.DefaultSelector()


def accept(server):
    conn, addr = server.accept()
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, data={"buf": b""})


def close(conn):
    sel.unregister(conn)
    conn.close()


def serve(conn, state):
    try:
        chunk = conn.recv(4096)
    except ConnectionError:
        chunk = b""
    if chunk == b"":
        close(conn)
        return
    state["buf"] += chunk
    while b"\n" in state["buf"]:
        line, state["buf"] = state["buf"].split(b"\n", 1)
        sym = line.decode("utf-8", "replace").strip().upper()
        if not sym:
            continue
        reply = PRICES.get(sym, "ERROR unknown symbol " + sym)
        try:
            conn.setblocking(True)
            conn.sendall(reply.encode() + b"\n")
            conn.setblocking(False)
        except OSError:
            close(conn)
            return


with socket.socket() as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((HOST, PORT))
    server.listen()
    server.setblocking(False)
    sel.register(server, selectors.EVENT_READ)
    while True:
        for key, _ in sel.select():
            if key.data is None:
                accept(key.fileobj)
            else:
                serve(key.fileobj, key.data)
