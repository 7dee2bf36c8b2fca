# One thread, select(): every socket with something to read is handled in turn.
import os
import select
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(10)

sockets = [server]
names = {}
buffers = {}


def send_all_but(sender, text):
    for s in list(names):
        if s is not sender:
            try:
                s.sendall((text + "\n").encode())
            except OSError:
                pass


def drop(s):
    sockets.remove(s)
    buffers.pop(s, None)
    name = names.pop(s, None)
    s.close()
    if name:
        send_all_but(None, "* " + name + " left")


while True:
    readable, _, _ = select.select(sockets, [], [])
    for s in readable:
        if s is server:
            conn, addr = server.accept()
            sockets.append(conn)
            buffers[conn] = b""
            continue
        if s not in buffers:
            continue
        try:
            data = s.recv(4096)
        except OSError:
            data = b""
        if not data:
            drop(s)
            continue
        buffers[s] += data
        while b"\n" in buffers[s]:
            raw, buffers[s] = buffers[s].split(b"\n", 1)
            line = raw.decode("utf-8", "replace").strip()
            if not line:
                continue
            if s not in names:
                names[s] = line
                send_all_but(s, "* " + line + " joined")
            else:
                send_all_but(s, names[s] + ": " + line)
