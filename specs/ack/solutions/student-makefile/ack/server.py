import socket

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("localhost", 65432))
server.listen(1)
print("waiting for a client...")
conn, addr = server.accept()
print("client:", addr)
try:
    line = conn.makefile("r", encoding="utf-8").readline().strip()
    print("Received:", line)
    conn.sendall(("ACK: " + line + "\n").encode())
except ConnectionError as e:
    print("connection problem:", e)
conn.close()
server.close()
