import os
import socket
import struct

PORT = int(os.environ.get("PORT", 5000))


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def recv_msg(conn):
    header = recv_exact(conn, 4)
    if header is None:
        return None
    (length,) = struct.unpack("!I", header)
    body = recv_exact(conn, length)
    return None if body is None else body.decode()


def send_msg(conn, text):
    data = text.encode()
    conn.sendall(struct.pack("!I", len(data)) + data)


srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("", PORT))
srv.listen()
while True:
    conn, addr = srv.accept()
    with conn:
        while True:
            try:
                msg = recv_msg(conn)
            except ConnectionError:
                break
            if msg is None:
                break
            print("Received message:", msg)
            send_msg(conn, "Message received")
            if msg.lower() == "exit":
                break
