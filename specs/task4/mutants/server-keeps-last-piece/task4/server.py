import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))


def receive_line(conn, buffer):
    # keep reading until a whole line is here; returns (line, rest) or (None, rest) when the client left
    while b"\n" not in buffer:
        chunk = conn.recv(1024)
        if not chunk:
            return None, buffer
        buffer = chunk
    line, rest = buffer.split(b"\n", 1)
    return line.decode().strip(), rest


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(1)
print("Waiting for a client on port", PORT)

conn, addr = server.accept()
print("Connected to", addr)
buffer = b""
try:
    while True:
        message, buffer = receive_line(conn, buffer)
        if message is None:
            print("Client left the chat")
            break
        print("Client:", message)
        if message.upper() == "BYE":
            break
        reply = input("You: ")
        conn.sendall((reply + "\n").encode())
        if reply.strip().upper() == "BYE":
            break
except EOFError:
    print("Input closed, leaving the chat")
except ConnectionError:
    print("Connection lost")
conn.close()
server.close()
print("Chat ended")
