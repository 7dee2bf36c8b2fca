import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

clients = {}  # connection -> name
lock = threading.Lock()


def broadcast(message, sender=None):
    data = (message + "\n").encode()
    with lock:
        for conn in list(clients):
            if conn is sender:
                continue
            try:
                conn.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                del clients[conn]


def handle(conn, addr):
    buffer = b""
    name = None
    try:
        while True:
            while b"\n" not in buffer:
                data = conn.recv(1024)
                if not data:
                    return
                buffer += data
            line, buffer = buffer.split(b"\n", 1)
            text = line.decode(errors="replace").strip()
            if not text:
                continue
            if name is None:
                name = text
                with lock:
                    clients[conn] = name
                print(name, "joined from", addr)
                broadcast(f"* {name} joined", conn)
            else:
                broadcast(f"{name}: {text}", conn)
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        with lock:
            clients.pop(conn, None)
            conn.close()
        if name is not None:
            print(name, "left")
            broadcast(f"* {name} left")


def main():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((HOST, PORT))
    server.listen()
    print("Chat server on port", PORT)
    while True:
        conn, addr = server.accept()
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


main()
