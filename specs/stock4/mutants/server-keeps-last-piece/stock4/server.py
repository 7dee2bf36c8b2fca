import os
import select
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

prices = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


def answer(line):
    symbol = line.strip().upper()
    if symbol in prices:
        return "%.2f" % prices[symbol]
    return "ERROR unknown symbol " + symbol


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print("stock server (select) on port", PORT)

clients = []
buffers = {}

while True:
    readable, _, _ = select.select([server] + clients, [], [])
    for sock in readable:
        if sock is server:
            conn, addr = server.accept()
            clients.append(conn)
            buffers[conn] = b""
            print("connected:", addr)
            continue
        try:
            data = sock.recv(1024)
        except OSError:
            data = b""
        if not data:
            clients.remove(sock)
            del buffers[sock]
            sock.close()
            continue
        buffers[sock] = data  # the last recv() only
        try:
            while b"\n" in buffers[sock]:
                line, buffers[sock] = buffers[sock].split(b"\n", 1)
                text = line.decode(errors="replace")
                if text.strip():
                    sock.sendall((answer(text) + "\n").encode())
        except OSError:
            clients.remove(sock)
            del buffers[sock]
            sock.close()
