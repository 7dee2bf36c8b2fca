import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
print(f"Server listening on {HOST}:{PORT}")

while True:
    client_socket, addr = server.accept()
    print(f"Connection established with {addr}")
    buffer = b""
    connected = True
    while connected:
        try:
            data = client_socket.recv(1024)
        except ConnectionError:
            print(f"Client {addr} vanished.")
            break
        if not data:
            break
        buffer = data  # the last recv() only
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            message = line.decode("utf-8").strip()
            print(f"Received message: {message}")
            client_socket.sendall(b"Message received\n")
            if message.lower() == "exit":
                connected = False
                break
    print(f"Client {addr} has disconnected.")
    client_socket.close()
