import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))


def handle(conn, addr):
    buffer = b""
    while True:
        try:
            data = conn.recv(1024)
        except ConnectionError as e:
            print(f"Connection with {addr} lost: {e}")
            return
        if not data:
            print(f"{addr} disconnected")
            return
        buffer = data  # the last recv() only
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            message = line.decode("utf-8").strip()
            print(f"Received from {addr}: {message}")
            conn.sendall(f"Server received: {message}\n".encode("utf-8"))
            if message.lower() == "bye":
                print(f"{addr} said bye")
                return


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, PORT))
    s.listen()
    print(f"Server listening on {HOST}:{PORT}")
    while True:
        conn, addr = s.accept()
        print(f"Connected by {addr}")
        with conn:
            handle(conn, addr)
