# Task 4: chat server. Port 54 as in the exercise (the grader gives its own in PORT).
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind((HOST, PORT))
s.listen(1)
print("Server is listening on port", PORT)

conn, addr = s.accept()
print("Connected by", addr)

while True:
    data = conn.recv(1024).decode()
    if not data:
        break
    print("Client:", data)
    if data.strip().upper() == "BYE":
        break
    msg = input("Server: ")
    conn.send(msg.encode())
    if msg.strip().upper() == "BYE":
        break

conn.close()
s.close()
