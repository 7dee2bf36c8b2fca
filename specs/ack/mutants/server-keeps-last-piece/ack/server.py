import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((HOST, PORT))
    s.listen()
    print(f"Server listening on {HOST}:{PORT}")
    conn, addr = s.accept()
    with conn:
        print(f"Connected by {addr}")
        data = b""
        try:
            while b"\n" not in data:
                chunk = conn.recv(1024)
                if not chunk:
                    break
                data = chunk  # the last recv() only
        except ConnectionError:
            print("The client vanished.")
            data = b""
        if data:
            message = data.split(b"\n", 1)[0].decode("utf-8").strip()
            print(f"Received: {message}")
            conn.sendall(f"ACK: {message}\n".encode("utf-8"))
print("Server done.")
